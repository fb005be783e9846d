package io.trainingpipeline.planner.garmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.garmin.GarminGateway;
import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.planner.TestAthletes;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.store.HistoryEntry;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The push transaction against Mini-Garmin. */
@QuarkusTest
class PushTest {
    @Inject GarminTokens tokens;
    @Inject GarminGateway gateway;
    @Inject PlanStore store;
    @Inject PushService push;

    final MiniGarmin garmin = MiniGarminTestResource.instance();
    final LocalDate week = TestAthletes.nextWeek();

    @AfterEach
    void clearFaults() {
        garmin.faults().clear();
    }

    String athleteWithGarmin(String prefix) throws Exception {
        String athlete = TestAthletes.create(prefix);
        Path file = Path.of("target", "test-data", prefix + "-tokens.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, garmin.auth().issue(Duration.ofHours(2)).toPythonJson());
        tokens.importTokens(athlete, file);
        return athlete;
    }

    /** Workout id -> description of this athlete's workouts scheduled in the week. */
    Map<Long, String> calendar(String athlete) {
        Map<Long, String> out = new TreeMap<>();
        for (LocalDate d : List.of(week, week.plusDays(6))) {
            for (var item :
                    gateway.calendarMonth(athlete, d.getYear(), d.getMonthValue() - 1)
                            .path("calendarItems")) {
                LocalDate date = LocalDate.parse(item.path("date").asText());
                if (!date.isBefore(week) && !date.isAfter(week.plusDays(6))) {
                    long id = item.path("workoutId").asLong();
                    String description = gateway.workout(athlete, id).path("description").asText();
                    // Mini-Garmin is one account shared by the test classes: keep this athlete's
                    if (description.contains(athlete)) {
                        out.put(id, description + "@" + date);
                    }
                }
            }
        }
        return out;
    }

    /** Every workout in the week's calendar, whoever made it (the push reads each one). */
    int itemsInWeek(String athlete) {
        int n = 0;
        for (LocalDate d : List.of(week, week.plusDays(6))) {
            if (d.equals(week.plusDays(6)) && d.getMonthValue() == week.getMonthValue()) {
                break;
            }
            for (var item :
                    gateway.calendarMonth(athlete, d.getYear(), d.getMonthValue() - 1)
                            .path("calendarItems")) {
                LocalDate date = LocalDate.parse(item.path("date").asText());
                n += !date.isBefore(week) && !date.isAfter(week.plusDays(6)) ? 1 : 0;
            }
        }
        return n;
    }

    PushResult pushNow(String athlete) {
        return given().post("/athletes/" + athlete + "/plan/push?week=" + week)
                .then()
                .extract()
                .as(PushResult.class);
    }

    long handMade(String athlete) {
        ObjectNode w = JsonNodeFactory.instance.objectNode();
        w.put("workoutName", "My own hill repeats");
        w.put("description", "made by hand by " + athlete);
        long id = gateway.createWorkout(athlete, w).path("workoutId").asLong();
        gateway.scheduleWorkout(athlete, id, week.plusDays(2));
        return id;
    }

    /** A second version of the week: every run 5 minutes shorter. */
    PlanDocument nextVersion(String athlete) {
        PlanDocument v1 = store.current(athlete, week).orElseThrow();
        List<Session> shorter = new ArrayList<>();
        v1.sessions()
                .forEach(s -> shorter.add(s.isRun() ? s.withDuration(s.durationMinutes() - 5) : s));
        PlanDocument v2 = v1.withSessions(shorter).withVersion(v1.version() + 1);
        return store.save(
                v2,
                new HistoryEntry(
                        week,
                        v2.version(),
                        Instant.now(),
                        "test",
                        null,
                        List.of(),
                        null,
                        null,
                        v1.version()));
    }

    @Test
    void pushRepushAndNewVersionLeaveOneCopyAndTheHandMadeWorkout() throws Exception {
        String athlete = athleteWithGarmin("push");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        long own = handMade(athlete);
        int runs = (int) v1.sessions().stream().filter(Session::isRun).count();

        PushResult first = pushNow(athlete);
        assertThat(first.ok()).isTrue();
        assertThat(first.writeCalls()).isEqualTo(2 * runs);
        Map<Long, String> cal = calendar(athlete);
        assertThat(cal).hasSize(runs + 1).containsKey(own);
        assertThat(
                        cal.values().stream()
                                .filter(
                                        d ->
                                                d.contains(
                                                        "[training-pipeline "
                                                                + athlete
                                                                + "/"
                                                                + week
                                                                + "] v1 #")))
                .hasSize(runs);

        garmin.resetCounts();
        PushResult again = pushNow(athlete);
        assertThat(again.ok()).isTrue();
        assertThat(again.writeCalls()).isZero();
        assertThat(garmin.requestCount("/workout-service/workout"))
                .as("creates or deletes")
                .isEqualTo(garmin.requestCount("/workout-service/workout/")); // only GETs by id
        assertThat(garmin.requestCount("/workout-service/schedule")).isZero();
        assertThat(calendar(athlete)).isEqualTo(cal);

        nextVersion(athlete);
        PushResult second = pushNow(athlete);
        assertThat(second.ok()).isTrue();
        Map<Long, String> after = calendar(athlete);
        assertThat(after).hasSize(runs + 1).containsEntry(own, cal.get(own));
        assertThat(after.values().stream().filter(d -> d.contains("] v2 #"))).hasSize(runs);
        assertThat(after.values()).noneMatch(d -> d.contains("] v1 #"));
        assertThat(garmin.workouts()).containsKey(own);
    }

    @Test
    void failureAfterUploadRollsBackToThePreviousCalendar() throws Exception {
        String athlete = athleteWithGarmin("rollback");
        TestAthletes.plan(athlete, week);
        long own = handMade(athlete);
        assertThat(pushNow(athlete).ok()).isTrue();
        Map<Long, String> before = calendar(athlete);
        Set<Long> workoutsBefore = Set.copyOf(garmin.workouts().keySet());
        PlanDocument v2 = nextVersion(athlete);
        int runs = (int) v2.sessions().stream().filter(Session::isRun).count();

        // requests of the push: calendar month(s), one read per calendar item, creates, read-backs,
        // then the first schedule call, which fails with a 503 (a schedule is never retried)
        int months = week.getMonthValue() == week.plusDays(6).getMonthValue() ? 1 : 2;
        int firstSchedule = months + itemsInWeek(athlete) + 2 * runs + 1;
        garmin.resetCounts();
        garmin.faults().serverErrorEvery(firstSchedule);
        PushResult failed = pushNow(athlete);
        garmin.faults().clear();

        assertThat(failed.ok()).isFalse();
        assertThat(failed.rolledBack()).isTrue();
        assertThat(calendar(athlete)).isEqualTo(before).containsKey(own);
        assertThat(garmin.workouts().keySet()).containsExactlyInAnyOrderElementsOf(workoutsBefore);
        var events =
                new KafkaProbe(KafkaTestResource.bootstrapServers())
                        .readUntil(
                                Topics.PLANNER_PUSH,
                                l ->
                                        l.stream()
                                                .anyMatch(
                                                        e ->
                                                                e.athleteId().equals(athlete)
                                                                        && e.payload()
                                                                                instanceof
                                                                                PlanPushFailed),
                                Duration.ofSeconds(60));
        assertThat(events)
                .anyMatch(
                        e ->
                                e.athleteId().equals(athlete)
                                        && e.payload() instanceof PlanPushFailed f
                                        && f.rolledBack()
                                        && f.planVersion() == v2.version());
        assertThat(store.history(athlete)).anyMatch(h -> "push-failed".equals(h.cause()));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("flow_failure_total{flow=\"push\"}");

        // the next attempt goes through
        assertThat(pushNow(athlete).ok()).isTrue();
        assertThat(calendar(athlete).values().stream().filter(d -> d.contains("] v2 #")))
                .hasSize(runs);
    }

    @Test
    void aCreateStoredWhileItsAnswerWasLostIsDeletedByTheRollback() throws Exception {
        String athlete = athleteWithGarmin("lostcreate");
        TestAthletes.plan(athlete, week);
        Set<Long> workoutsBefore = Set.copyOf(garmin.workouts().keySet());

        // the 2nd create is stored, then answered 503: the planner never learns its id
        garmin.faults().serverErrorAfterWrite(2);
        PushResult failed = pushNow(athlete);
        garmin.faults().clear();

        assertThat(failed.ok()).isFalse();
        assertThat(failed.rolledBack()).isTrue();
        assertThat(calendar(athlete)).isEmpty();
        assertThat(garmin.workouts().keySet())
                .as("no workout of the failed push left in the library")
                .containsExactlyInAnyOrderElementsOf(workoutsBefore);
    }

    @Test
    void aLostAnswerToAnUnscheduleStillCompletesTheSwitch() throws Exception {
        String athlete = athleteWithGarmin("lostunschedule");
        TestAthletes.plan(athlete, week);
        long own = handMade(athlete);
        assertThat(pushNow(athlete).ok()).isTrue();
        PlanDocument v2 = nextVersion(athlete);
        int runs = (int) v2.sessions().stream().filter(Session::isRun).count();

        // writes: a create and a schedule per run, then the first unschedule of v1 is carried
        // out and answered 503; its retry finds nothing (404), which counts as done
        garmin.faults().serverErrorAfterWrite(2 * runs + 1);
        PushResult pushed = pushNow(athlete);
        garmin.faults().clear();

        assertThat(pushed.ok()).as(pushed.message()).isTrue();
        Map<Long, String> after = calendar(athlete);
        assertThat(after).hasSize(runs + 1).containsKey(own);
        assertThat(after.values().stream().filter(d -> d.contains("] v2 #"))).hasSize(runs);
        assertThat(garmin.workouts().values())
                .noneMatch(
                        w ->
                                w.path("description")
                                        .asText()
                                        .contains(athlete + "/" + week + "] v1 #"));
    }
}
