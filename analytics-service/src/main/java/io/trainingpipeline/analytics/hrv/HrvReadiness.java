package io.trainingpipeline.analytics.hrv;

import io.trainingpipeline.analytics.load.ProfileEstimator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * HRV readiness (training-science section 4): work in {@code x = ln(rMSSD)}; acute = mean of x over
 * the last 7 calendar days (≥ 3 nights); baseline = median and 1.4826 × MAD of x over days −67 … −8
 * (≥ 21 nights); {@code z = (acute − median) / spread}; the single night uses the same baseline.
 * Missing nights are never imputed. A baseline whose spread is 0 gives no z (the ratio is
 * undefined), which reads as insufficient.
 */
public final class HrvReadiness {
    private final HrvSettings settings;

    public HrvReadiness(HrvSettings settings) {
        this.settings = settings;
    }

    /**
     * Readiness on {@code day}.
     *
     * @param rmssdByNight rMSSD (ms) by night date; nights without a value are absent
     */
    public HrvDay evaluate(NavigableMap<LocalDate, Double> rmssdByNight, LocalDate day) {
        List<Double> acute =
                logs(
                        rmssdByNight.subMap(
                                day.minusDays(settings.acuteDays() - 1L), true, day, true));
        List<Double> baseline =
                logs(
                        rmssdByNight.subMap(
                                day.minusDays(settings.baselineFirstOffset()),
                                true,
                                day.minusDays(settings.baselineLastOffset()),
                                true));
        Double acuteMean =
                acute.size() >= settings.acuteMinNights()
                        ? acute.stream().mapToDouble(Double::doubleValue).sum() / acute.size()
                        : null;
        Double median = null;
        Double spread = null;
        if (baseline.size() >= settings.baselineMinNights()) {
            double m = ProfileEstimator.median(baseline);
            List<Double> deviations = new ArrayList<>(baseline.size());
            baseline.forEach(x -> deviations.add(Math.abs(x - m)));
            double s = settings.madScale() * ProfileEstimator.median(deviations);
            if (s > 0) {
                median = m;
                spread = s;
            }
        }
        Double z7 = acuteMean != null && median != null ? (acuteMean - median) / spread : null;
        Double tonight = ln(rmssdByNight.get(day));
        Double zNight = tonight != null && median != null ? (tonight - median) / spread : null;
        boolean declines = false;
        Double yesterday = ln(rmssdByNight.get(day.minusDays(1)));
        Double twoAgo = ln(rmssdByNight.get(day.minusDays(2)));
        if (median != null && tonight != null && yesterday != null && twoAgo != null) {
            declines =
                    tonight < yesterday
                            && yesterday < twoAgo
                            && tonight < median
                            && yesterday < median;
        }
        return new HrvDay(
                acuteMean, median, spread, z7, zNight, declines, acute.size(), baseline.size());
    }

    /**
     * Readiness of {@code days} consecutive days from {@code start}: the same values as {@link
     * #evaluate} day by day (bit for bit: the same sums in the same order, the same medians), but
     * streaming — each night's logarithm is taken once and the baseline window is kept sorted as it
     * slides, so a ten-year series costs O(days × window) instead of O(days × window log window)
     * with a map lookup per night.
     */
    public HrvDay[] series(
            NavigableMap<LocalDate, Double> rmssdByNight, LocalDate start, int days) {
        int first = settings.baselineFirstOffset();
        int last = settings.baselineLastOffset();
        int acuteDays = settings.acuteDays();
        HrvDay[] out = new HrvDay[days];
        if (first < last || last < 0 || acuteDays < 1) {
            for (int d = 0; d < days; d++) {
                out[d] = evaluate(rmssdByNight, start.plusDays(d));
            }
            return out;
        }
        int lead = Math.max(Math.max(first, acuteDays - 1), 2);
        LocalDate origin = start.minusDays(lead);
        double[] x = new double[lead + days]; // ln rMSSD by day from origin, NaN = no value
        java.util.Arrays.fill(x, Double.NaN);
        rmssdByNight
                .subMap(origin, true, start.plusDays(days), false)
                .forEach(
                        (date, r) -> {
                            Double v = ln(r);
                            if (v != null) {
                                x[(int) (date.toEpochDay() - origin.toEpochDay())] = v;
                            }
                        });
        SortedWindow baseline = new SortedWindow(first - last + 1);
        for (int j = lead - first; j < lead - last; j++) {
            baseline.add(x[j]);
        }
        double[] acute = new double[acuteDays];
        for (int d = 0; d < days; d++) {
            int j = lead + d;
            if (d > 0) {
                baseline.remove(x[j - 1 - first]);
            }
            baseline.add(x[j - last]);
            int acuteNights = 0;
            for (int i = j - acuteDays + 1; i <= j; i++) {
                if (!Double.isNaN(x[i])) {
                    acute[acuteNights++] = x[i];
                }
            }
            // DoubleStream.sum, as evaluate: compensated summation in date order
            Double acuteMean =
                    acuteNights >= settings.acuteMinNights()
                            ? java.util.Arrays.stream(acute, 0, acuteNights).sum() / acuteNights
                            : null;
            Double median = null;
            Double spread = null;
            if (baseline.size() >= settings.baselineMinNights()) {
                double m = baseline.median();
                double sd = settings.madScale() * baseline.medianDeviation(m);
                if (sd > 0) {
                    median = m;
                    spread = sd;
                }
            }
            Double z7 = acuteMean != null && median != null ? (acuteMean - median) / spread : null;
            Double tonight = Double.isNaN(x[j]) ? null : x[j];
            Double zNight = tonight != null && median != null ? (tonight - median) / spread : null;
            boolean declines = false;
            double yesterday = x[j - 1];
            double twoAgo = x[j - 2];
            if (median != null
                    && tonight != null
                    && !Double.isNaN(yesterday)
                    && !Double.isNaN(twoAgo)) {
                declines =
                        tonight < yesterday
                                && yesterday < twoAgo
                                && tonight < median
                                && yesterday < median;
            }
            out[d] =
                    new HrvDay(
                            acuteMean,
                            median,
                            spread,
                            z7,
                            zNight,
                            declines,
                            acuteNights,
                            baseline.size());
        }
        return out;
    }

    private static List<Double> logs(NavigableMap<LocalDate, Double> nights) {
        List<Double> xs = new ArrayList<>(nights.size());
        nights.values()
                .forEach(
                        r -> {
                            Double x = ln(r);
                            if (x != null) {
                                xs.add(x);
                            }
                        });
        return xs;
    }

    private static Double ln(Double rmssd) {
        return rmssd == null || !(rmssd > 0) ? null : Math.log(rmssd);
    }
}
