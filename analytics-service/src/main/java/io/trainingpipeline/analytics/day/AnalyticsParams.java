package io.trainingpipeline.analytics.day;

import io.trainingpipeline.analytics.flag.FlagSettings;
import io.trainingpipeline.analytics.flag.Thresholds;
import io.trainingpipeline.analytics.hrv.HrvSettings;
import io.trainingpipeline.analytics.load.PmcSettings;
import io.trainingpipeline.analytics.sleep.SleepSettings;

/**
 * All constants of the daily metrics and flags (training-science sections 3–5), gathered from
 * configuration by the edge and handed to the core.
 */
public record AnalyticsParams(
        PmcSettings pmc,
        HrvSettings hrv,
        SleepSettings sleep,
        FlagSettings flags,
        Thresholds thresholds) {

    /** The same parameters with other thresholds (what-if). */
    public AnalyticsParams withThresholds(Thresholds other) {
        return new AnalyticsParams(pmc, hrv, sleep, flags, other);
    }

    /** The documented defaults (tests). */
    public static AnalyticsParams defaults() {
        return new AnalyticsParams(
                PmcSettings.defaults(),
                HrvSettings.defaults(),
                SleepSettings.defaults(),
                FlagSettings.defaults(),
                Thresholds.defaults());
    }
}
