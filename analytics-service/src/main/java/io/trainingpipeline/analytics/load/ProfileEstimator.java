package io.trainingpipeline.analytics.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Completes an athlete's heart-rate profile (training-science section 2): configured values win;
 * missing HRmax is the highest heart rate seen in the window (365 days), missing HRrest the median
 * of the last days of Garmin's resting HR (7), and missing LTHR a configured fraction of HRmax (the
 * reference is silent on LTHR; the fraction is our choice, see the README).
 *
 * @param lthrFractionOfHrMax LTHR as a fraction of HRmax when LTHR is not configured
 * @param fallbackHrMax HRmax when neither configured nor any heart rate was seen
 * @param fallbackHrRest HRrest when neither configured nor any resting HR was measured
 */
public record ProfileEstimator(
        double lthrFractionOfHrMax, double fallbackHrMax, double fallbackHrRest) {

    /**
     * The profile from configured values (null when absent) and the observations.
     *
     * @param highestHrInWindow highest HR seen in the HRmax window, if any
     * @param recentRestingHr resting HR values of the last days (already windowed)
     */
    public HrProfile resolve(
            boolean female,
            Integer hrMax,
            Integer hrRest,
            Integer lthr,
            OptionalDouble highestHrInWindow,
            Collection<Integer> recentRestingHr) {
        boolean estimated = hrMax == null || hrRest == null || lthr == null;
        double max = hrMax != null ? hrMax : highestHrInWindow.orElse(fallbackHrMax);
        double rest =
                hrRest != null
                        ? hrRest
                        : recentRestingHr.isEmpty() ? fallbackHrRest : median(recentRestingHr);
        double threshold = lthr != null ? lthr : lthrFractionOfHrMax * max;
        return new HrProfile(female, max, rest, threshold, estimated);
    }

    /** Median (mean of the middle two for an even count). */
    public static double median(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        sorted.sort(Double::compare);
        int n = sorted.size();
        if (n == 0) {
            throw new IllegalArgumentException("median of nothing");
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
