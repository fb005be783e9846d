package io.trainingpipeline.analytics.flag;

/**
 * Constants of the flag rules that are not thresholds (training-science section 5), from
 * configuration.
 *
 * @param rampPreviousWeeks weeks averaged for the ramp_too_fast comparison (3)
 * @param severityMediumExcess relative excess over a threshold from which a flag is MEDIUM
 * @param severityHighExcess relative excess over a threshold from which a flag is HIGH
 */
public record FlagSettings(
        int rampPreviousWeeks, double severityMediumExcess, double severityHighExcess) {
    /** Defaults used by tests. */
    public static FlagSettings defaults() {
        return new FlagSettings(3, 0.10, 0.25);
    }
}
