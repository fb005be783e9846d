package io.trainingpipeline.planner;

import io.restassured.RestAssured;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/** Goals files for unique test athletes (planner.goals-dir = target/test-goals in tests). */
public final class TestAthletes {
    public static final Path DIR = Path.of("target", "test-goals");

    private TestAthletes() {}

    /** A new athlete training for a half marathon on the Sunday 12 weeks ahead. */
    public static String create(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        write(id, goals(raceDate(12), "half"));
        return id;
    }

    public static LocalDate raceDate(int weeks) {
        return LocalDate.now(ZoneOffset.UTC)
                .with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .plusWeeks(weeks);
    }

    public static String goals(LocalDate race, String distance) {
        return """
                timezone: UTC
                race: {date: %s, distance: %s}
                available_weekdays: [MON, TUE, THU, SAT, SUN]
                long_run_day: SUN
                max_weekly_hours: 8
                """
                .formatted(race, distance);
    }

    public static void write(String id, String yaml) {
        try {
            Files.createDirectories(DIR);
            Path tmp = DIR.resolve(id + ".yaml.tmp");
            Files.writeString(tmp, yaml);
            Files.move(
                    tmp, DIR.resolve(id + ".yaml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Monday of next week (always fully in the future, so every day may change). */
    public static LocalDate nextWeek() {
        return LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** GET .../plan?week= as a document. */
    public static PlanDocument plan(String athlete, LocalDate week) {
        String json =
                RestAssured.given()
                        .accept("application/json")
                        .get("/athletes/" + athlete + "/plan?week=" + week)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        try {
            return PlanJson.mapper().readValue(json, PlanDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
