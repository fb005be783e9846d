package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.schemas.events.PlanPushed;
import io.trainingpipeline.testkit.garmin.MiniGarminFaults;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.openai.Reply;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The push failure after the new version's upload, while the previous version is being taken off
 * the calendar: version 1 of a week is on Garmin, an adaptation makes version 2 (the fake model
 * shortens an easy run, a change the guardrails apply), and the automatic push after the decision
 * uploads and schedules version 2, then Mini-Garmin carries out the first unschedule of version 1
 * and answers 503. The retried unschedule finds nothing (404), which the planner counts as done, so
 * the switch completes: version 2 on the calendar exactly once, nothing of version 1, no stray
 * workout, and a re-push changes nothing.
 */
final class PushSwitchFailure {
    private final Pipeline pipeline;
    private final FaultMatrix matrix;
    private final PushAfterUpload push;

    PushSwitchFailure(Pipeline pipeline, FaultMatrix matrix) {
        this.pipeline = pipeline;
        this.matrix = matrix;
        this.push = new PushAfterUpload(pipeline, matrix);
    }

    void run(String fault, LocalDate week) throws Exception {
        String athlete = Pipeline.ATHLETE;
        String pushPath = "/athletes/" + athlete + "/plan/push?week=" + week;
        JsonNode v1 =
                pipeline.get("planner-service", "/athletes/" + athlete + "/plan?week=" + week);
        int runs = PushAfterUpload.runs(v1);
        assertThat(pipeline.post("planner-service", pushPath).statusCode()).isEqualTo(200);
        Set<Long> before =
                PushAfterUpload.scheduleIds(GarminCalendar.of(pipeline.garmin), athlete, week);
        assertThat(before).as(fault + ": version 1 on the calendar").hasSize(runs);
        pipeline.openAi.script(FaultScenarios.promptKey(week), Reply.content(shorterEasyRun(v1)));
        MiniGarminFaults faults = pipeline.garmin.faults();
        int injected = faults.injected(MiniGarminFaults.Kind.AFTER_WRITE);

        // writes of the switch: a create and a schedule per run, then unschedule version 1's first
        faults.serverErrorAfterWrite(2 * runs + 1);
        var flags = FaultScenarios.flags(week, fault);
        KafkaProbe probe = new KafkaProbe(pipeline.kafka.bootstrapServers());
        probe.publish(Topics.ANALYTICS_FLAG, List.of(flags));
        PlanDecided decision =
                probe
                        .readUntil(
                                Topics.PLANNER_DECISION,
                                l -> l.stream().anyMatch(e -> answers(e, flags.eventId())),
                                Duration.ofSeconds(150))
                        .stream()
                        .filter(e -> answers(e, flags.eventId()))
                        .map(e -> (PlanDecided) e.payload())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(fault + ": no decision"));
        int v2 = decision.resultingPlanVersion();
        assertThat(v2)
                .as(fault + ": the adaptation made a version 2 " + decision)
                .isGreaterThan(v1.path("version").asInt());
        List<EventEnvelope<EventPayload>> pushed =
                probe.readUntil(
                        Topics.PLANNER_PUSH,
                        l -> l.stream().anyMatch(e -> pushOf(e, week, v2)),
                        Duration.ofSeconds(120));
        faults.clear();
        boolean fired = faults.injected(MiniGarminFaults.Kind.AFTER_WRITE) == injected + 1;
        boolean failed =
                pushed.stream()
                        .anyMatch(
                                e -> pushOf(e, week, v2) && e.payload() instanceof PlanPushFailed);
        GarminCalendar afterSwitch = GarminCalendar.of(pipeline.garmin);
        Set<String> sessions = PushAfterUpload.sessionsOf(afterSwitch, athlete, week, v2);
        boolean v2Whole = sessions.size() == runs;

        int retry = pipeline.post("planner-service", pushPath).statusCode();
        GarminCalendar end = GarminCalendar.of(pipeline.garmin);
        int v2OnCalendar = PushAfterUpload.sessionsOf(end, athlete, week, v2).size();
        int lost = Math.max(0, runs - v2OnCalendar);
        int extra = end.scheduledIn(athlete, week).size() - v2OnCalendar;
        int strays = end.strays(athlete, week);
        long pushes = push.pushes(athlete, week);
        matrix.row(
                fault,
                String.valueOf(lost),
                extra + (strays > 0 ? " (+" + strays + " unscheduled stray)" : ""),
                !failed && v2Whole ? "yes (switch completed)" : "NO");

        assertThat(fired).as(fault + ": the fault fired once").isTrue();
        // Garmin carried out the unschedule and answered 503; the retried unschedule finds
        // nothing (404), which the planner counts as done: the switch completes, v2 stays whole
        assertThat(failed).as(fault + ": no PlanPushFailed for v" + v2).isFalse();
        assertThat(v2Whole).as(fault + ": v2 on the calendar right after the switch").isTrue();
        assertThat(retry).as(fault + ": re-push").isEqualTo(200);
        assertThat(lost).as(fault + ": v2 sessions missing").isZero();
        assertThat(extra).as(fault + ": other copies (v1) on the calendar").isZero();
        assertThat(strays).as(fault + ": stray workouts in the library").isZero();
        assertThat(pushes).as(fault + ": pushes of the week (v1, v2)").isEqualTo(2);
    }

    /** A valid proposal: the longest easy run 10 minutes shorter, for the HRV flag. */
    private static String shorterEasyRun(JsonNode plan) {
        int index = -1;
        int minutes = 0;
        JsonNode sessions = plan.path("sessions");
        for (int i = 0; i < sessions.size(); i++) {
            JsonNode s = sessions.get(i);
            if ("running".equals(s.path("sport").asText())
                    && "easy".equals(s.path("intensity").asText())
                    && s.path("durationMinutes").asInt() > Math.max(minutes, 30)) {
                index = i;
                minutes = s.path("durationMinutes").asInt();
            }
        }
        assertThat(index).as("an easy run of more than 30 min in " + plan).isNotNegative();
        return "{\"patch\":[{\"op\":\"replace\",\"path\":\"/sessions/"
                + index
                + "/durationMinutes\",\"value\":"
                + (minutes - 10)
                + "}],\"rationale\":[{\"op\":0,\"flag\":\"hrv_suppressed\",\"metric\":\"hrvZ7\","
                + "\"reason\":\"HRV is suppressed: a shorter easy run\"}]}";
    }

    private static boolean answers(EventEnvelope<EventPayload> e, String flagsId) {
        return e.payload() instanceof PlanDecided d && flagsId.equals(d.flagsEventId());
    }

    private static boolean pushOf(EventEnvelope<EventPayload> e, LocalDate week, int version) {
        return Pipeline.ATHLETE.equals(e.athleteId())
                && (e.payload() instanceof PlanPushFailed f
                                && f.weekStart().equals(week)
                                && f.planVersion() == version
                        || e.payload() instanceof PlanPushed p
                                && p.weekStart().equals(week)
                                && p.planVersion() == version);
    }
}
