package io.trainingpipeline.analytics.config;

import io.trainingpipeline.analytics.day.AnalyticsParams;
import io.trainingpipeline.analytics.flag.FlagSettings;
import io.trainingpipeline.analytics.flag.Thresholds;
import io.trainingpipeline.analytics.hrv.HrvSettings;
import io.trainingpipeline.analytics.load.LoadSettings;
import io.trainingpipeline.analytics.load.PmcSettings;
import io.trainingpipeline.analytics.load.ProfileEstimator;
import io.trainingpipeline.analytics.sleep.SleepSettings;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the configuration ({@link AnalyticsConfig} and the seed thresholds of {@link
 * PipelineConfig}) into the plain parameter records of the core.
 */
@ApplicationScoped
public class AnalyticsSettings {
    private final AnalyticsParams params;
    private final LoadSettings load;
    private final ProfileEstimator estimator;
    private final boolean trimpSeries;

    public AnalyticsSettings(AnalyticsConfig a, PipelineConfig p) {
        this.params = params(a, p);
        AnalyticsConfig.Trimp t = a.trimp();
        this.load =
                new LoadSettings(
                        t.maleA(),
                        t.maleB(),
                        t.femaleA(),
                        t.femaleB(),
                        t.hrssReferenceMinutes(),
                        t.zoneMidpointsHrmax());
        this.estimator =
                new ProfileEstimator(
                        a.profile().lthrHrmaxFraction(),
                        a.profile().fallbackHrMax(),
                        a.profile().fallbackHrRest());
        String source = a.loadSource().trim().toLowerCase(java.util.Locale.ROOT);
        if (!source.equals("hrss") && !source.equals("trimp")) {
            throw new IllegalStateException(
                    "config analytics.load_source must be hrss or trimp, got '" + source + "'");
        }
        this.trimpSeries = source.equals("trimp");
    }

    /** Core parameters from configuration. */
    public static AnalyticsParams params(AnalyticsConfig a, PipelineConfig p) {
        return new AnalyticsParams(
                new PmcSettings(
                        a.ctlTauDays(),
                        a.atlTauDays(),
                        a.kSimple(),
                        a.acwrAcuteDays(),
                        a.acwrChronicDays(),
                        a.warmUpDays(),
                        a.rampDays()),
                new HrvSettings(
                        a.hrv().acuteDays(),
                        a.hrv().acuteMinNights(),
                        a.hrv().baselineFirstOffset(),
                        a.hrv().baselineLastOffset(),
                        a.hrv().baselineMinNights(),
                        a.hrv().madScale()),
                new SleepSettings(
                        a.sleep().shortNightHours(),
                        a.sleep().shortNightsCount(),
                        a.sleep().windowNights()),
                new FlagSettings(
                        a.flags().rampPreviousWeeks(),
                        a.flags().severityMediumExcess(),
                        a.flags().severityHighExcess()),
                new Thresholds(
                        p.rampPercentageMax(),
                        p.rampCtlPointsMax(),
                        p.ctlAtlRatioMax(),
                        p.tsbMinFraction(),
                        p.hrvSuppressedZscore(),
                        p.hrvDropZscore(),
                        p.sleepMinHours()));
    }

    /** Metrics and flag parameters. */
    public AnalyticsParams params() {
        return params;
    }

    /** Per-activity load constants. */
    public LoadSettings load() {
        return load;
    }

    /** Profile estimation fallbacks. */
    public ProfileEstimator estimator() {
        return estimator;
    }

    /** True when thresholds apply to the TRIMP series instead of HRSS. */
    public boolean trimpSeries() {
        return trimpSeries;
    }
}
