package io.trainingpipeline.analytics.flag;

import io.trainingpipeline.analytics.sleep.SleepSettings;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.Flag.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag rules of training-science section 5 (HRV per section 4). Every comparison is strict: a
 * value exactly at its threshold raises nothing. While the series is warming up (section 3, first 6
 * weeks) the fitness and ramp flags (ramp_too_fast, acute_chronic_high, form_too_low) stay silent;
 * HRV and sleep flags do not depend on the load history and are raised anyway.
 *
 * <p>Severity: the relative excess past the threshold (for example ACWR 1.5 against 1.3 is 0.15);
 * below {@code severity_medium_excess} LOW, below {@code severity_high_excess} MEDIUM, else HIGH.
 * Rules without a crossed number (two consecutive HRV declines, 3 short nights of 5) are MEDIUM and
 * LOW.
 */
public final class FlagRules {
    private final Thresholds t;
    private final FlagSettings settings;
    private final SleepSettings sleep;

    public FlagRules(Thresholds thresholds, FlagSettings settings, SleepSettings sleep) {
        this.t = thresholds;
        this.settings = settings;
        this.sleep = sleep;
    }

    /** The flags raised on {@code date}, in a fixed order. */
    public List<Flag> evaluate(LocalDate date, DaySignals s) {
        List<Flag> flags = new ArrayList<>();
        if (!s.pmc().warmingUp()) {
            rampTooFast(date, s, flags);
            acuteChronicHigh(date, s, flags);
            formTooLow(date, s, flags);
        }
        hrvSuppressed(date, s, flags);
        hrvDrop(date, s, flags);
        sleepShort(date, s, flags);
        return flags;
    }

    private void rampTooFast(LocalDate date, DaySignals s, List<Flag> flags) {
        double limit = (1 + t.rampPercentageMax()) * s.previousWeeksMean();
        boolean byWeek = s.weekLoad() > limit;
        boolean byCtl = s.pmc().ramp() > t.rampCtlPointsMax();
        if (!byWeek && !byCtl) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("weekLoad", s.weekLoad());
        values.put("previousWeeksMean", s.previousWeeksMean());
        values.put("ramp", s.pmc().ramp());
        double weekExcess = Double.NEGATIVE_INFINITY;
        if (s.previousWeeksMean() > 0) {
            values.put("rampPercentage", s.weekLoad() / s.previousWeeksMean() - 1);
            weekExcess = byWeek ? s.weekLoad() / limit - 1 : weekExcess;
        } else if (byWeek) {
            weekExcess = Double.POSITIVE_INFINITY; // load after 3 empty weeks: any rise is steep
        }
        double ctlExcess =
                byCtl ? s.pmc().ramp() / t.rampCtlPointsMax() - 1 : Double.NEGATIVE_INFINITY;
        boolean weekWins = byWeek && weekExcess >= ctlExcess;
        flags.add(
                flag(
                        "ramp_too_fast",
                        date,
                        values,
                        weekWins ? t.rampPercentageMax() : t.rampCtlPointsMax(),
                        Math.max(weekExcess, ctlExcess)));
    }

    private void acuteChronicHigh(LocalDate date, DaySignals s, List<Flag> flags) {
        Double acwr = s.pmc().acwr();
        if (acwr != null && acwr > t.ctlAtlRatioMax()) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("acwr", acwr);
            values.put("acwrAcute", s.pmc().acwrAcute());
            values.put("acwrChronic", s.pmc().acwrChronic());
            flags.add(
                    flag(
                            "acute_chronic_high",
                            date,
                            values,
                            t.ctlAtlRatioMax(),
                            acwr / t.ctlAtlRatioMax() - 1));
        }
    }

    private void formTooLow(LocalDate date, DaySignals s, List<Flag> flags) {
        double limit = t.tsbMinFraction() * s.pmc().ctl();
        if (s.pmc().tsb() < limit) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("tsb", s.pmc().tsb());
            values.put("ctl", s.pmc().ctl());
            values.put("tsbLimit", limit);
            double excess =
                    limit == 0
                            ? Double.POSITIVE_INFINITY
                            : (limit - s.pmc().tsb()) / Math.abs(limit);
            flags.add(flag("form_too_low", date, values, t.tsbMinFraction(), excess));
        }
    }

    private void hrvSuppressed(LocalDate date, DaySignals s, List<Flag> flags) {
        Double z7 = s.hrv().z7();
        if (z7 != null && z7 < t.hrvSuppressedZscore()) {
            flags.add(
                    flag(
                            "hrv_suppressed",
                            date,
                            Map.of("hrvZ7", z7),
                            t.hrvSuppressedZscore(),
                            (t.hrvSuppressedZscore() - z7) / Math.abs(t.hrvSuppressedZscore())));
        }
    }

    private void hrvDrop(LocalDate date, DaySignals s, List<Flag> flags) {
        Double zNight = s.hrv().zNight();
        boolean byNight = zNight != null && zNight < t.hrvDropZscore();
        if (!byNight && !s.hrv().consecutiveDeclines()) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (zNight != null) {
            values.put("hrvZNight", zNight);
        }
        values.put("consecutiveDeclines", s.hrv().consecutiveDeclines() ? 1.0 : 0.0);
        Flag f =
                byNight
                        ? flag(
                                "hrv_drop",
                                date,
                                values,
                                t.hrvDropZscore(),
                                (t.hrvDropZscore() - zNight) / Math.abs(t.hrvDropZscore()))
                        : new Flag("hrv_drop", date, values, t.hrvDropZscore(), Severity.MEDIUM);
        flags.add(f);
    }

    private void sleepShort(LocalDate date, DaySignals s, List<Flag> flags) {
        Double last = s.sleep().lastNightHours();
        boolean byNight = last != null && last < t.sleepMinHours();
        boolean byCount = s.sleep().shortNights() >= sleep.shortNightsCount();
        if (!byNight && !byCount) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (last != null) {
            values.put("lastNightHours", last);
        }
        values.put("shortNights", (double) s.sleep().shortNights());
        values.put("nightsInWindow", (double) s.sleep().nightsInWindow());
        flags.add(
                byNight
                        ? flag(
                                "sleep_short",
                                date,
                                values,
                                t.sleepMinHours(),
                                (t.sleepMinHours() - last) / t.sleepMinHours())
                        : new Flag("sleep_short", date, values, t.sleepMinHours(), Severity.LOW));
    }

    private Flag flag(
            String name,
            LocalDate date,
            Map<String, Double> values,
            double threshold,
            double excess) {
        return new Flag(name, date, values, threshold, severity(excess));
    }

    /** Severity of a relative excess past a threshold. */
    Severity severity(double excess) {
        if (excess >= settings.severityHighExcess()) {
            return Severity.HIGH;
        }
        return excess >= settings.severityMediumExcess() ? Severity.MEDIUM : Severity.LOW;
    }
}
