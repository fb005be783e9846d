package io.trainingpipeline.schemas;

/** Values of the envelope's {@code source} field: where the data of an event came from. */
public final class EventSources {
    public static final String GARMIN_CONNECT = "garmin-connect";
    public static final String FIT_FILE = "fit-file";
    public static final String GARMINDB = "garmindb";
    public static final String ANALYTICS = "analytics";
    public static final String LLM = "llm";
    public static final String RULE_COACH = "rule-coach";
    public static final String PLANNER = "planner";

    /** Synthetic events made by benchmarks and tests. */
    public static final String SYNTHETIC = "synthetic";

    private EventSources() {}
}
