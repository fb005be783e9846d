package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.testkit.garmin.MiniGarminFaults;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The "push failure after upload" rows: Mini-Garmin carries out a workout-service write of the push
 * and then fails the call (503, or the connection drops), so the planner cannot know the write
 * happened. The push must fail loudly (502, {@code PlanPushFailed} on planner.push.v1) leaving the
 * calendar as before; the retry (a second {@code POST .../plan/push}, as {@code pipeline push}
 * does) must put the week on the calendar exactly once.
 */
final class PushAfterUpload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pipeline pipeline;
    private final FaultMatrix matrix;

    PushAfterUpload(Pipeline pipeline, FaultMatrix matrix) {
        this.pipeline = pipeline;
        this.matrix = matrix;
    }

    /**
     * Pushes {@code week} with the fault {@code arm} sets (given the number of runs, i.e. workouts
     * the push uploads), retries once the fault has fired, and checks the calendar.
     */
    void run(String fault, LocalDate week, IntConsumer arm) throws Exception {
        String athlete = Pipeline.ATHLETE;
        String push = "/athletes/" + athlete + "/plan/push?week=" + week;
        JsonNode plan =
                pipeline.get("planner-service", "/athletes/" + athlete + "/plan?week=" + week);
        int version = plan.path("version").asInt();
        int runs = runs(plan);
        assertThat(runs).as(fault + ": runs in week " + week).isPositive();
        Set<Long> before = scheduleIds(GarminCalendar.of(pipeline.garmin), athlete, week);
        MiniGarminFaults faults = pipeline.garmin.faults();
        int injected = faults.injected(MiniGarminFaults.Kind.AFTER_WRITE);

        arm.accept(runs);
        HttpResponse<String> first = pipeline.post("planner-service", push);
        faults.clear();
        boolean fired = faults.injected(MiniGarminFaults.Kind.AFTER_WRITE) == injected + 1;
        JsonNode failed = JSON.readTree(first.body());
        boolean asBefore =
                scheduleIds(GarminCalendar.of(pipeline.garmin), athlete, week).equals(before);
        boolean reported =
                first.statusCode() == 502
                        && !failed.path("ok").asBoolean(true)
                        && failureEvent(athlete, week, version);

        HttpResponse<String> retry = pipeline.post("planner-service", push);
        // pushing the same week again changes nothing (0 write calls)
        JsonNode again = JSON.readTree(pipeline.post("planner-service", push).body());
        GarminCalendar end = GarminCalendar.of(pipeline.garmin);
        List<JsonNode> onCalendar = end.scheduledIn(athlete, week);
        Set<String> sessions = sessionsOf(end, athlete, week, version);
        int strays = end.strays(athlete, week);
        long pushes = pushes(athlete, week);
        int lost = Math.max(0, runs - sessions.size());
        int extra = onCalendar.size() - sessions.size();
        matrix.row(
                fault,
                String.valueOf(lost),
                extra + (strays > 0 ? " (+" + strays + " unscheduled stray)" : ""),
                fired && reported && asBefore ? "yes" : "NO");

        assertThat(fired).as(fault + ": the fault fired once").isTrue();
        assertThat(first.statusCode())
                .as(fault + ": failed push answer " + first.body())
                .isEqualTo(502);
        assertThat(reported).as(fault + ": failure reported (502 + PlanPushFailed)").isTrue();
        assertThat(asBefore).as(fault + ": calendar as before after the failed push").isTrue();
        assertThat(retry.statusCode()).as(fault + ": retry " + retry.body()).isEqualTo(200);
        assertThat(lost).as(fault + ": sessions missing after the retry").isZero();
        assertThat(extra).as(fault + ": extra copies on the calendar").isZero();
        assertThat(strays)
                .as(fault + ": stray workouts of the failed push in the library")
                .isZero();
        assertThat(pushes).as(fault + ": the week was pushed once").isEqualTo(1);
        assertThat(again.path("writeCalls").asInt(-1)).as(fault + ": a re-push writes").isZero();
    }

    static int runs(JsonNode plan) {
        int runs = 0;
        for (JsonNode s : plan.path("sessions")) {
            runs +=
                    "running".equals(s.path("sport").asText())
                                    && !"rest".equals(s.path("intensity").asText())
                                    && s.path("durationMinutes").asDouble() > 0
                            ? 1
                            : 0;
        }
        return runs;
    }

    /** "pushed" entries of the week in the plan history (one per push that wrote). */
    long pushes(String athlete, LocalDate week) throws Exception {
        return pipeline
                .get("planner-service", "/athletes/" + athlete + "/plan/history")
                .findParents("cause")
                .stream()
                .filter(
                        h ->
                                "pushed".equals(h.path("cause").asText())
                                        && week.toString().equals(h.path("weekStart").asText()))
                .count();
    }

    /** session@date of the week's workouts of plan {@code version} scheduled on the calendar. */
    static Set<String> sessionsOf(GarminCalendar c, String athlete, LocalDate week, int version) {
        Set<String> sessions = new HashSet<>();
        for (JsonNode s : c.scheduledIn(athlete, week)) {
            String d = c.workouts().get(s.path("workoutId").asLong()).path("description").asText();
            if (d.contains("] v" + version + " #")) {
                sessions.add(d.substring(d.lastIndexOf("session=")) + "@" + s.path("calendarDate"));
            }
        }
        return sessions;
    }

    static Set<Long> scheduleIds(GarminCalendar c, String athlete, LocalDate week) {
        Set<Long> ids = new HashSet<>();
        c.scheduledIn(athlete, week).forEach(s -> ids.add(s.path("workoutScheduleId").asLong()));
        return ids;
    }

    boolean failureEvent(String athlete, LocalDate week, int version) {
        return new KafkaProbe(pipeline.kafka.bootstrapServers())
                        .readUntil(
                                Topics.PLANNER_PUSH,
                                l -> l.stream().anyMatch(e -> isFailure(e, athlete, week, version)),
                                Duration.ofSeconds(60))
                        .stream()
                        .anyMatch(e -> isFailure(e, athlete, week, version));
    }

    private static boolean isFailure(
            io.trainingpipeline.schemas.EventEnvelope<?> e,
            String athlete,
            LocalDate week,
            int version) {
        return athlete.equals(e.athleteId())
                && e.payload() instanceof PlanPushFailed f
                && f.weekStart().equals(week)
                && f.planVersion() == version;
    }
}
