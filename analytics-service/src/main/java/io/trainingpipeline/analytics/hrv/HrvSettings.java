package io.trainingpipeline.analytics.hrv;

/**
 * Constants of HRV readiness (training-science section 4), all from configuration.
 *
 * @param acuteDays calendar days of the acute mean, ending on the day (7)
 * @param acuteMinNights nights needed in the acute window (3)
 * @param baselineFirstOffset first baseline day, days before the day (67)
 * @param baselineLastOffset last baseline day, days before the day (8)
 * @param baselineMinNights nights needed in the baseline window (21)
 * @param madScale factor turning the MAD into a spread comparable to a standard deviation (1.4826)
 */
public record HrvSettings(
        int acuteDays,
        int acuteMinNights,
        int baselineFirstOffset,
        int baselineLastOffset,
        int baselineMinNights,
        double madScale) {

    /** The section-4 defaults. */
    public static HrvSettings defaults() {
        return new HrvSettings(7, 3, 67, 8, 21, 1.4826);
    }
}
