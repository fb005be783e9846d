package io.trainingpipeline.planner.guardrail;

/** Rule ids used in decision reasons (section 6 numbering). */
public final class Rules {
    public static final String VOLUME = "6.1-volume";
    public static final String HRV = "6.2-hrv";
    public static final String RECOVERY = "6.3-recovery";
    public static final String INTENSITY = "6.4-intensity";
    public static final String LONG_RUN = "6.4-long-run";
    public static final String DELOAD = "6.5-deload";
    public static final String TAPER = "6.6-taper";
    public static final String CALENDAR = "6.7-calendar";
    public static final String PAST = "6.7-past";
    public static final String FOREIGN = "6.7-ownership";
    public static final String LOAD_GATE = "load-gate";
    public static final String PATCH_INVALID = "patch-invalid";
    public static final String STALE = "stale-base-version";
    public static final String TIMEOUT = "timeout";
    public static final String PROPOSAL_FAILED = "proposal-failed";
    public static final String PROPOSAL = "proposal";

    private Rules() {}
}
