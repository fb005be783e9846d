package io.trainingpipeline.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.List;

/**
 * analytics-service settings: the {@code analytics:} section of {@code config/default.yaml} (keys
 * in snake_case) plus the DuckDB path. Meanings are those of the training-science reference,
 * section named per key; the seed thresholds themselves are read through {@code PipelineConfig}.
 */
@ConfigMapping(prefix = "analytics", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface AnalyticsConfig {
    /**
     * Path of the DuckDB file this service owns ({@code DATA_PATH}); parent folders are created.
     */
    @WithName("data-path")
    String dataPath();

    /** Section 1: the series thresholds apply to, {@code hrss} (default) or {@code trimp}. */
    String loadSource();

    /** Section 3: CTL time constant τ in days. */
    double ctlTauDays();

    /** Section 3: ATL time constant τ in days. */
    double atlTauDays();

    /** Section 3: true uses k = 1/τ instead of k = 1 − e^(−1/τ). */
    boolean kSimple();

    /** Section 3: days from the first day of data marked warming_up (no fitness/ramp flags). */
    int warmUpDays();

    /** Section 3: N of the acute EWMA of the ACWR. */
    int acwrAcuteDays();

    /** Section 3: N of the chronic EWMA of the ACWR. */
    int acwrChronicDays();

    /** Section 3: ramp = CTL(d) − CTL(d − this many days). */
    int rampDays();

    /** Section 2: Banister constants and HRSS reference. */
    Trimp trimp();

    /** Section 2: estimation of missing profile values. */
    Profile profile();

    /** Section 4: HRV readiness windows and minimum samples. */
    Hrv hrv();

    /** Section 5: the multi-night sleep rule. */
    Sleep sleep();

    /** Section 5: flag rule constants that are not thresholds. */
    Flags flags();

    /** Raw-row retention and the monthly job. */
    Retention retention();

    /** Section 2 constants. */
    interface Trimp {
        /** Banister a, male (0.64). */
        double maleA();

        /** Banister b, male (1.92). */
        double maleB();

        /** Banister a, female (0.86). */
        double femaleA();

        /** Banister b, female (1.67). */
        double femaleB();

        /** Minutes at LTHR that score HRSS 100 (60). */
        double hrssReferenceMinutes();

        /** Midpoint HR of zones 1..5 as a fraction of HRmax (time-in-zone input). */
        List<Double> zoneMidpointsHrmax();
    }

    /** Section 2 estimation fallbacks for profile values missing from {@code athletes.<id>}. */
    interface Profile {
        /** HRmax = highest HR seen over this many days. */
        int hrMaxWindowDays();

        /** HRrest = median of Garmin's resting HR over this many days. */
        int hrRestMedianDays();

        /** LTHR = this × HRmax when not configured (our choice; the reference is silent). */
        double lthrHrmaxFraction();

        /** HRmax when nothing was configured or seen. */
        double fallbackHrMax();

        /** HRrest when nothing was configured or measured. */
        double fallbackHrRest();
    }

    /** Section 4 constants. */
    interface Hrv {
        /** Acute window in calendar days ending on the day. */
        int acuteDays();

        /** Nights needed in the acute window. */
        int acuteMinNights();

        /** First baseline day, days before the day (67). */
        int baselineFirstOffset();

        /** Last baseline day, days before the day (8). */
        int baselineLastOffset();

        /** Nights needed in the baseline window. */
        int baselineMinNights();

        /** MAD scale factor (1.4826). */
        double madScale();
    }

    /** Section 5 sleep_short multi-night rule. */
    interface Sleep {
        /** A night under this many hours is short. */
        double shortNightHours();

        /** This many short nights raise sleep_short. */
        int shortNightsCount();

        /** ... among this many last nights. */
        int windowNights();
    }

    /** Section 5 rule constants. */
    interface Flags {
        /** ramp_too_fast compares with the mean of this many previous weeks. */
        int rampPreviousWeeks();

        /** Relative excess past a threshold from which a flag is MEDIUM. */
        double severityMediumExcess();

        /** Relative excess past a threshold from which a flag is HIGH. */
        double severityHighExcess();
    }

    /** Retention of raw activity rows. */
    interface Retention {
        /** Raw activity rows older than this many days are deleted; daily aggregates stay. */
        int rawDays();

        /** Cron (5 fields, UTC) of the retention job. */
        String cron();
    }
}
