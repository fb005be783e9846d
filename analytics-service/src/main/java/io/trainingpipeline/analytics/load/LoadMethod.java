package io.trainingpipeline.analytics.load;

/**
 * Which input a load value came from (training-science section 2, "best input first"); recorded as
 * {@code load_method} with every value because averaging first under-counts.
 */
public enum LoadMethod {
    /** Per-second heart-rate records (seconds at each bpm): exact. */
    RECORDS,
    /** Time in the five HR zones at each zone's midpoint heart rate. */
    ZONES,
    /** Average heart rate times duration: the weakest input. */
    AVG_HR,
    /** No heart rate at all: the source's own load, when it supplied one. */
    PRECOMPUTED,
    /** Nothing to compute from: load 0. */
    NONE;

    /** The lower-case name stored and shown. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
