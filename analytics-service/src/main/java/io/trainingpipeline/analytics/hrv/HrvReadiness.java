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
