package io.trainingpipeline.analytics.load;

import java.util.ArrayList;
import java.util.List;

/**
 * CTL/ATL/TSB, ramp and EWMA-ACWR over a daily load series (training-science section 3).
 *
 * <ul>
 *   <li>{@code X(d) = X(d−1) + k × (load(d) − X(d−1))}, {@code k = 1 − e^(−1/τ)} (or {@code 1/τ}
 *       when configured), seeded with {@code X = seed} on the day before the first day;
 *   <li>TSB(d) = CTL(d−1) − ATL(d−1); ramp = CTL(d) − CTL(d−7) (the seed before the first day);
 *   <li>ACWR = EWMA_λ(acute N) / EWMA_λ(chronic N), λ = 2/(N+1), both seeded with the first day's
 *       load.
 * </ul>
 *
 * <p>{@link #extend} recomputes from any day on, reusing the days before it: an incremental update
 * after a late event gives exactly the days a full recomputation gives (the same operations in the
 * same order), which the property test checks.
 */
public final class Pmc {
    private final PmcSettings settings;

    public Pmc(PmcSettings settings) {
        this.settings = settings;
    }

    /** Full computation: day i of the result is day i of {@code loads}. */
    public List<PmcDay> compute(double[] loads, double ctlSeed, double atlSeed) {
        return extend(List.of(), loads, 0, ctlSeed, atlSeed);
    }

    /**
     * Keeps days {@code 0..from-1} of {@code known} and recomputes days {@code from..} from {@code
     * loads} (which covers the whole series from day 0).
     */
    public List<PmcDay> extend(
            List<PmcDay> known, double[] loads, int from, double ctlSeed, double atlSeed) {
        if (from > known.size() || from < 0) {
            throw new IllegalArgumentException("cannot resume at day " + from);
        }
        List<PmcDay> days = new ArrayList<>(loads.length);
        days.addAll(known.subList(0, Math.min(from, loads.length)));
        double kCtl = settings.k(settings.ctlTauDays());
        double kAtl = settings.k(settings.atlTauDays());
        double lAcute = PmcSettings.lambda(settings.acwrAcuteDays());
        double lChronic = PmcSettings.lambda(settings.acwrChronicDays());
        for (int d = from; d < loads.length; d++) {
            double load = loads[d];
            PmcDay prev = d == 0 ? null : days.get(d - 1);
            double prevCtl = prev == null ? ctlSeed : prev.ctl();
            double prevAtl = prev == null ? atlSeed : prev.atl();
            double ctl = prevCtl + kCtl * (load - prevCtl);
            double atl = prevAtl + kAtl * (load - prevAtl);
            double tsb = prevCtl - prevAtl;
            double ctlWeekAgo =
                    d - settings.rampDays() >= 0
                            ? days.get(d - settings.rampDays()).ctl()
                            : ctlSeed;
            double acute =
                    prev == null ? load : prev.acwrAcute() + lAcute * (load - prev.acwrAcute());
            double chronic =
                    prev == null
                            ? load
                            : prev.acwrChronic() + lChronic * (load - prev.acwrChronic());
            Double acwr = chronic > 0 ? acute / chronic : null;
            days.add(
                    new PmcDay(
                            load,
                            ctl,
                            atl,
                            tsb,
                            ctl - ctlWeekAgo,
                            acute,
                            chronic,
                            acwr,
                            d < settings.warmUpDays()));
        }
        return days;
    }
}
