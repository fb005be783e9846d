package io.trainingpipeline.schemas;

import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.schemas.events.PlanPushed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.util.Arrays;
import java.util.Optional;

/** The registry of event types: name, schema version, payload class and topic, in one place. */
public enum EventType {
    ACTIVITY_RECORDED("activity.recorded", 1, ActivityRecorded.class, Topics.INGEST_ACTIVITY),
    HRV_MEASURED("hrv.measured", 1, HrvMeasured.class, Topics.INGEST_WELLNESS),
    SLEEP_MEASURED("sleep.measured", 1, SleepMeasured.class, Topics.INGEST_WELLNESS),
    RESTING_HR_MEASURED("resting-hr.measured", 1, RestingHrMeasured.class, Topics.INGEST_WELLNESS),
    FLAGS_RAISED("flags.raised", 1, FlagsRaised.class, Topics.ANALYTICS_FLAG),
    PLAN_PATCH_PROPOSED("plan.patch-proposed", 1, PlanPatchProposed.class, Topics.LLM_PROPOSAL),
    PROPOSAL_FAILED("plan.proposal-failed", 1, ProposalFailed.class, Topics.LLM_PROPOSAL),
    PLAN_DECIDED("plan.decided", 1, PlanDecided.class, Topics.PLANNER_DECISION),
    PLAN_PUSHED("plan.pushed", 1, PlanPushed.class, Topics.PLANNER_PUSH),
    PLAN_PUSH_FAILED("plan.push-failed", 1, PlanPushFailed.class, Topics.PLANNER_PUSH);

    private final String typeName;
    private final int version;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;

    EventType(
            String typeName,
            int version,
            Class<? extends EventPayload> payloadClass,
            String topic) {
        this.typeName = typeName;
        this.version = version;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    /** The envelope's {@code eventType} value. */
    public String typeName() {
        return typeName;
    }

    /** The envelope's {@code schemaVersion} value. */
    public int version() {
        return version;
    }

    /** The payload record. */
    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The topic this type is published on. */
    public String topic() {
        return topic;
    }

    /** File name of the committed JSON Schema, e.g. {@code activity.recorded.v1.json}. */
    public String schemaFileName() {
        return typeName + ".v" + version + ".json";
    }

    /** Looks up a type by its envelope name. */
    public static Optional<EventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    /** The type of a payload instance. */
    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass == payload.getClass())
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unregistered payload " + payload.getClass().getName()));
    }
}
