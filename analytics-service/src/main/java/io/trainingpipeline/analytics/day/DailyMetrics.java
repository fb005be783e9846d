package io.trainingpipeline.analytics.day;

import io.trainingpipeline.analytics.flag.DaySignals;
import io.trainingpipeline.analytics.flag.FlagRules;
import io.trainingpipeline.analytics.hrv.HrvDay;
import io.trainingpipeline.analytics.hrv.HrvReadiness;
import io.trainingpipeline.analytics.load.Pmc;
import io.trainingpipeline.analytics.load.PmcDay;
import io.trainingpipeline.analytics.sleep.SleepDay;
import io.trainingpipeline.analytics.sleep.SleepStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one computation behind the metrics API, the weekly flags and what-if: daily load series
 * (training-science section 1) → CTL/ATL/TSB, ramp, ACWR (section 3), HRV z (section 4), sleep and
 * flags (section 5), per day from {@code start}.
 */
public final class DailyMetrics {
    private final AnalyticsParams params;

    public DailyMetrics(AnalyticsParams params) {
        this.params = params;
    }

    /** Metrics of every day of the input's load series. */
    public List<DayMetrics> compute(MetricsInput in) {
        double[] loads = in.loads();
        List<PmcDay> pmc = new Pmc(params.pmc()).compute(loads, in.ctlSeed(), in.atlSeed());
        HrvDay[] hrvDays =
                new HrvReadiness(params.hrv()).series(in.rmssdByNight(), in.start(), loads.length);
        SleepDay[] sleepDays =
                new SleepStats(params.sleep())
                        .series(in.sleepHoursByNight(), in.start(), loads.length);
        FlagRules rules = new FlagRules(params.thresholds(), params.flags(), params.sleep());
        int weeks = params.flags().rampPreviousWeeks();
        List<DayMetrics> days = new ArrayList<>(loads.length);
        for (int d = 0; d < loads.length; d++) {
            LocalDate date = in.start().plusDays(d);
            double week = window(loads, d - 6, d);
            double previous = window(loads, d - 7 * (weeks + 1) + 1, d - 7) / weeks;
            HrvDay h = hrvDays[d];
            SleepDay s = sleepDays[d];
            PmcDay p = pmc.get(d);
            var flags = rules.evaluate(date, new DaySignals(p, week, previous, h, s));
            days.add(
                    new DayMetrics(
                            date,
                            p.load(),
                            in.garminLoads() == null ? null : in.garminLoads()[d],
                            p.ctl(),
                            p.atl(),
                            p.tsb(),
                            p.ramp(),
                            p.acwr(),
                            h.z7(),
                            h.zNight(),
                            s.lastNightHours(),
                            p.warmingUp(),
                            flags));
        }
        return days;
    }

    /** Sum of loads over days {@code from..to} inclusive; days before the series count 0. */
    static double window(double[] loads, int from, int to) {
        double sum = 0;
        for (int i = Math.max(0, from); i <= to && i < loads.length; i++) {
            sum += loads[i];
        }
        return sum;
    }
}
