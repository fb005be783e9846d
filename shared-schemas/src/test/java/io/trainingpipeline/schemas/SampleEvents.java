package io.trainingpipeline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.OperationRationale;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.schemas.events.PlanPushed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** One filled-in payload per event type. */
final class SampleEvents {
    static final LocalDate WEEK = LocalDate.parse("2026-11-30");

    private SampleEvents() {}

    static EventPayload sample(EventType type) {
        return switch (type) {
            case ACTIVITY_RECORDED ->
                    new ActivityRecorded(
                            "123456789",
                            "running",
                            "trail",
                            "Morning run",
                            LocalDateTime.parse("2026-11-20T07:00:00"),
                            Instant.parse("2026-11-20T06:00:00Z"),
                            3600,
                            3500.0,
                            10000.0,
                            145,
                            172,
                            List.of(600.0, 1200.0, 1200.0, 500.0, 100.0),
                            Map.of(140, 1800.0, 150, 1800.0),
                            85.0,
                            null,
                            42.5,
                            "abc");
            case HRV_MEASURED ->
                    new HrvMeasured(
                            WEEK,
                            55.0,
                            58.0,
                            80.0,
                            "BALANCED",
                            new HrvMeasured.Baseline(45.0, 50.0, 65.0, 0.5));
            case SLEEP_MEASURED ->
                    new SleepMeasured(WEEK, 27000, 5400.0, 14400.0, 5400.0, 1800.0, 82, null, null);
            case RESTING_HR_MEASURED -> new RestingHrMeasured(WEEK, 48);
            case FLAGS_RAISED ->
                    new FlagsRaised(
                            WEEK,
                            WEEK.minusDays(1),
                            List.of(
                                    new Flag(
                                            "hrv_suppressed",
                                            WEEK.minusDays(1),
                                            Map.of("hrvZ7", -0.9),
                                            -0.5,
                                            Flag.Severity.MEDIUM)));
            case PLAN_PATCH_PROPOSED ->
                    new PlanPatchProposed(
                            "flags-1",
                            WEEK,
                            3,
                            patch(),
                            List.of(
                                    new OperationRationale(
                                            0, "hrv_suppressed", "hrvZ7", "HRV is low")),
                            "rule-coach",
                            12,
                            0,
                            0);
            case PROPOSAL_FAILED ->
                    new ProposalFailed(
                            "flags-1",
                            WEEK,
                            3,
                            ProposalFailed.Reason.TIMEOUT,
                            "no answer in 30 s",
                            null,
                            "gpt-4o-mini",
                            30000);
            case PLAN_DECIDED ->
                    new PlanDecided(
                            "flags-1",
                            "proposal-1",
                            WEEK,
                            PlanDecided.Decision.CLAMPED,
                            List.of(
                                    new DecisionReason(
                                            "6.1-volume",
                                            "volume capped at +20%",
                                            "ramp_too_fast")),
                            3,
                            4);
            case PLAN_PUSHED -> new PlanPushed(WEEK, 4, "hash", List.of("w1", "w2"), 6);
            case PLAN_PUSH_FAILED -> new PlanPushFailed(WEEK, 4, "schedule failed", true);
        };
    }

    static EventEnvelope<EventPayload> envelope(EventType type) {
        return EventEnvelope.wrap(
                EventIds.of(type, "a1", "sample"),
                Instant.parse("2026-11-24T10:00:00Z"),
                "a1",
                EventSources.SYNTHETIC,
                null,
                sample(type));
    }

    private static JsonNode patch() {
        try {
            return EventJson.mapper()
                    .readTree(
                            "[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\",\"value\":\"easy\"}]");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
