package io.trainingpipeline.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The seed settings from {@code config/default.yaml}, shared by every service. Meanings are those
 * of the training-science reference (sections named per key).
 */
@ConfigMapping(prefix = "")
public interface PipelineConfig {

    /** False turns on approval mode: decisions are shown but nothing is pushed until approved. */
    @WithName("overrides_allowed")
    boolean overridesAllowed();

    /** Section 5 ramp_too_fast: allowed rise of weekly load over the mean of the last 3 weeks. */
    @WithName("ramp_percentage_max")
    double rampPercentageMax();

    /** Section 5 acute_chronic_high: the EWMA ACWR limit (name kept from the seed). */
    @WithName("ctl_atl_ratio_max")
    double ctlAtlRatioMax();

    /** Section 4 hrv_drop: single-night ln-rMSSD z-score limit. */
    @WithName("hrv_drop_zscore")
    double hrvDropZscore();

    /** Section 4 hrv_suppressed: 7-day ln-rMSSD z-score limit. */
    @WithName("hrv_suppressed_zscore")
    double hrvSuppressedZscore();

    /** Section 5 sleep_short: minimum hours of last night's sleep. */
    @WithName("sleep_min_hours")
    double sleepMinHours();

    /** Section 6 rule 1: maximum relative change of weekly volume by an adaptation. */
    @WithName("llm_volume_change_max")
    double llmVolumeChangeMax();

    /** Section 5 ramp_too_fast: CTL points per week. */
    @WithName("ramp_ctl_points_max")
    double rampCtlPointsMax();

    /** Section 5 form_too_low: TSB below this fraction of CTL. */
    @WithName("tsb_min_fraction")
    double tsbMinFraction();

    /** Retry policy for calls to Garmin. */
    Retry retry();

    /** Cron (5 fields, athlete's timezone) of the daily sync of yesterday and today. */
    @WithName("sync_daily_cron")
    String syncDailyCron();

    /** Cron of the catch-up sync (only what is missing). */
    @WithName("sync_catchup_cron")
    String syncCatchupCron();

    /** Cron of the weekly flag evaluation and plan adaptation. */
    @WithName("adapt_weekly_cron")
    String adaptWeeklyCron();

    /** Exponential back-off settings. */
    interface Retry {
        /** Total attempts including the first call. */
        @WithName("max_attempts")
        int maxAttempts();

        /**
         * Back-off base in seconds: the wait before retry n is base x 2^(n-1) (capped by the
         * service's max back-off), or Retry-After when the server sends one.
         */
        double base();

        /** Whether to add random jitter to each wait. */
        boolean jitter();
    }
}
