package io.trainingpipeline.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.planner.TestAthletes;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.render.GarminPlannerYaml;
import io.trainingpipeline.planner.store.PlanStore;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {
    @Inject PlanStore store;
    final LocalDate week = TestAthletes.nextWeek();

    @Test
    void jsonToGarminPlannerYamlAndBackGivesTheSameDocument() throws Exception {
        String athlete = TestAthletes.create("yaml");
        PlanDocument json = TestAthletes.plan(athlete, week);
        String yaml =
                given().accept("application/yaml")
                        .get("/athletes/" + athlete + "/plan?week=" + week)
                        .then()
                        .statusCode(200)
                        .contentType(containsString("yaml"))
                        .extract()
                        .asString();
        assertThat(yaml).contains("schedulePlan:", "start_from: " + week);
        assertThat(GarminPlannerYaml.parse(yaml, athlete)).isEqualTo(json);
        // the same file is written for garmin_planner
        Path file = Path.of("target", "test-data", "plans", athlete, week + ".yaml");
        assertThat(GarminPlannerYaml.parse(Files.readString(file), athlete)).isEqualTo(json);
        assertThat(Path.of("target", "test-data", "plans", athlete, week.toString())).isDirectory();
    }

    @Test
    void goalsChangesArePickedUpAndInvalidFilesKeepThePreviousGoals() {
        String athlete = TestAthletes.create("goals");
        LocalDate firstRace = TestAthletes.raceDate(12);
        PlanDocument raceWeek = TestAthletes.plan(athlete, firstRace.minusDays(6));
        assertThat(raceWeek.sessions()).anyMatch(s -> s.isRace() && s.date().equals(firstRace));

        TestAthletes.write(athlete, "timezone: UTC\nrace: {date: someday, distance: half}\n");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                given().get("/athletes/" + athlete + "/plan/goals").statusCode()
                                                == 200
                                        && given().get("/athletes/" + athlete + "/plan/goals")
                                                .body()
                                                .asString()
                                                .contains("race.date"));
        assertThat(TestAthletes.plan(athlete, firstRace.minusDays(6)).version()).isEqualTo(1);

        LocalDate newRace = TestAthletes.raceDate(14);
        TestAthletes.write(athlete, TestAthletes.goals(newRace, "marathon"));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                store.history(athlete).stream()
                                        .anyMatch(h -> "goals-changed".equals(h.cause())));
        PlanDocument newRaceWeek = TestAthletes.plan(athlete, newRace.minusDays(6));
        assertThat(newRaceWeek.sessions()).anyMatch(s -> s.isRace() && s.date().equals(newRace));
        assertThat(TestAthletes.plan(athlete, firstRace.minusDays(6)).version()).isEqualTo(2);
    }

    @Test
    void historyListsEveryVersion() {
        String athlete = TestAthletes.create("history");
        TestAthletes.plan(athlete, week);
        given().get("/athletes/" + athlete + "/plan/history")
                .then()
                .statusCode(200)
                .body("[0].cause", equalTo("generated"))
                .body("[0].version", equalTo(1));
        given().get("/athletes/nobody/plan")
                .then()
                .statusCode(404)
                .body("error", containsString("goals"));
    }

    static final String PLAN =
            """
            {"athleteId": "a1", "weekStart": "2026-11-30", "version": 7,
             "sessions": [
               {"id": "2026-11-30-run", "date": "2026-11-30", "sport": "running", "name": "Easy 60",
                "intensity": "easy", "durationMinutes": 60,
                "steps": [{"type": "run", "durationMinutes": 60, "target": "hr_zone_2"}]},
               {"id": "2026-12-01-run", "date": "2026-12-01", "sport": "running", "name": "Intervals 45",
                "intensity": "hard", "durationMinutes": 45,
                "steps": [{"type": "warmup", "durationMinutes": 15, "target": "hr_zone_2"},
                          {"type": "run", "durationMinutes": 20, "target": "hr_zone_4"},
                          {"type": "cooldown", "durationMinutes": 10, "target": "hr_zone_2"}]},
               {"id": "2026-12-03-run", "date": "2026-12-04", "sport": "running", "name": "Easy 60",
                "intensity": "easy", "durationMinutes": 60, "steps": []},
               {"id": "2026-12-05-run", "date": "2026-12-05", "sport": "running", "name": "Easy 55",
                "intensity": "easy", "durationMinutes": 55, "steps": []},
               {"id": "2026-12-06-run", "date": "2026-12-06", "sport": "running", "name": "Long run 80",
                "intensity": "easy", "durationMinutes": 80, "steps": []}]}
            """;

    static String body(String patch, String flags) {
        return """
                {"today": "2026-11-27",
                 "athlete": {"raceDate": "2027-03-14", "raceDistance": "half",
                             "availableWeekdays": ["MON","TUE","THU","FRI","SAT","SUN"],
                             "blockedDates": ["2026-12-03"]},
                 "plan": %s, "lastWeekActualMinutes": 300, "flags": %s, "patch": %s}
                """
                .formatted(PLAN, flags, patch);
    }

    @Test
    void dryRunDecidesAndStoresNothing() throws Exception {
        String flags =
                "[{\"name\": \"hrv_suppressed\", \"date\": \"2026-11-29\", \"values\": {\"hrvZ7\": -0.9}, \"threshold\": -0.5}]";
        given().contentType("application/json")
                .body(
                        body(
                                "[{\"op\": \"replace\", \"path\": \"/sessions/1/durationMinutes\", \"value\": 60}]",
                                flags))
                .post("/proposals/dry-run")
                .then()
                .statusCode(200)
                .body("decision", equalTo("CLAMPED"))
                .body("reasons.rule", org.hamcrest.Matchers.hasItems("6.2-hrv", "6.1-volume"))
                .body("plan.version", equalTo(7))
                .body("plan.sessions[1].intensity", equalTo("easy"));
        given().contentType("application/json")
                .body(
                        body(
                                "[{\"op\": \"replace\", \"path\": \"/sessions/0/date\", \"value\": \"2026-12-03\"}]",
                                "[]"))
                .post("/proposals/dry-run")
                .then()
                .statusCode(200)
                .body("decision", equalTo("FORWARDED_UNTOUCHED"))
                .body("reasons[0].rule", equalTo("6.7-calendar"))
                .body("plan.sessions[0].date", equalTo("2026-11-30"));
        given().contentType("application/json")
                .body(
                        body(
                                "[{\"op\": \"replace\", \"path\": \"/sessions/0/durationMinutes\", \"value\": 65}]",
                                "[]"))
                .post("/proposals/dry-run")
                .then()
                .statusCode(200)
                .body("decision", equalTo("APPLIED"));
        assertThat(store.weeks("a1")).isEmpty();
    }

    @Test
    void malformedDryRunBodiesNameTheField() {
        String good = body("[]", "[]");
        assertBad(good.replace("\"today\": \"2026-11-27\"", "\"today\": \"soon\""), "today");
        assertBad(
                good.replace("\"intensity\": \"hard\"", "\"intensity\": \"max\""),
                "plan.sessions[1].intensity");
        assertBad(good.replace("\"patch\": []", "\"patch\": {}"), "patch");
        assertBad(
                good.replace("\"raceDistance\": \"half\"", "\"raceDistance\": \"ultra\""),
                "athlete.raceDistance");
        assertBad(good.replace("\"MON\",", "\"MOON\","), "athlete.availableWeekdays");
        assertBad(
                good.replace("\"lastWeekActualMinutes\": 300", "\"lastWeekActualMinutes\": \"x\""),
                "lastWeekActualMinutes");
        assertBad(
                good.replace("\"weekStart\": \"2026-11-30\"", "\"weekStart\": \"2026-12-01\""),
                "plan.weekStart");
    }

    static void assertBad(String body, String field) {
        given().contentType("application/json")
                .body(body)
                .post("/proposals/dry-run")
                .then()
                .statusCode(400)
                .body("field", equalTo(field))
                .body("error", containsString(field));
    }

    static PlanDocument parse(String json) throws Exception {
        return PlanJson.fromTree(PlanJson.mapper().readTree(json));
    }
}
