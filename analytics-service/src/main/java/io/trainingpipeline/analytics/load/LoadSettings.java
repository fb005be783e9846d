package io.trainingpipeline.analytics.load;

import java.util.List;

/**
 * Constants of the per-activity load (training-science section 2), all from configuration.
 *
 * @param maleA Banister a for men (0.64)
 * @param maleB Banister b for men (1.92)
 * @param femaleA Banister a for women (0.86)
 * @param femaleB Banister b for women (1.67)
 * @param hrssReferenceMinutes minutes at LTHR that score HRSS 100 (60)
 * @param zoneMidpointsOfHrMax midpoint heart rate of each HR zone 1..5 as a fraction of HRmax, used
 *     when only time in zones is known
 */
public record LoadSettings(
        double maleA,
        double maleB,
        double femaleA,
        double femaleB,
        double hrssReferenceMinutes,
        List<Double> zoneMidpointsOfHrMax) {

    public LoadSettings {
        zoneMidpointsOfHrMax = List.copyOf(zoneMidpointsOfHrMax);
    }

    /** The section-2 defaults (tests and the benchmark). */
    public static LoadSettings defaults() {
        return new LoadSettings(0.64, 1.92, 0.86, 1.67, 60, List.of(0.55, 0.65, 0.75, 0.85, 0.95));
    }
}
