package io.trainingpipeline.schemas;

import java.util.List;

/**
 * Every Kafka topic of the pipeline. A name carries the producing stage and a contract version
 * ({@code <stage>.<subject>.v<N>}); a breaking change gets a new topic, never a new meaning on an
 * old one. Every record is keyed by athlete id so one athlete's events stay ordered.
 */
public final class Topics {
    /** Activities from Garmin Connect, FIT files and GarminDB ({@code ActivityRecorded}). */
    public static final String INGEST_ACTIVITY = "ingest.activity.v1";

    /** Nightly HRV, sleep and resting heart rate. */
    public static final String INGEST_WELLNESS = "ingest.wellness.v1";

    /** One weekly evaluation per athlete, also when no flag is raised. */
    public static final String ANALYTICS_FLAG = "analytics.flag.v1";

    /** The LLM service's answer to a flags event: a patch proposal or a proposal failure. */
    public static final String LLM_PROPOSAL = "llm.proposal.v1";

    /** The planner's decision on a week (applied, clamped or forwarded untouched). */
    public static final String PLANNER_DECISION = "planner.decision.v1";

    /** The result of pushing a week to Garmin Connect. */
    public static final String PLANNER_PUSH = "planner.push.v1";

    private Topics() {}

    /** All topics in data-flow order. */
    public static List<String> all() {
        return List.of(
                INGEST_ACTIVITY,
                INGEST_WELLNESS,
                ANALYTICS_FLAG,
                LLM_PROPOSAL,
                PLANNER_DECISION,
                PLANNER_PUSH);
    }
}
