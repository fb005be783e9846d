package io.trainingpipeline.analytics.hrv;

/**
 * HRV readiness of one day (training-science section 4). A null value means {@code insufficient}
 * (too few nights), never 0.
 *
 * @param acute mean ln rMSSD of the acute window, or null
 * @param baselineMedian median ln rMSSD of the baseline window, or null
 * @param baselineSpread 1.4826 × MAD of the baseline window, or null
 * @param z7 (acute − median) / spread, or null
 * @param zNight (ln rMSSD of the night − median) / spread, or null when the night or baseline is
 *     missing
 * @param consecutiveDeclines true when the last two nights each fell below the night before and
 *     both lie below the baseline median
 * @param acuteNights nights present in the acute window
 * @param baselineNights nights present in the baseline window
 */
public record HrvDay(
        Double acute,
        Double baselineMedian,
        Double baselineSpread,
        Double z7,
        Double zNight,
        boolean consecutiveDeclines,
        int acuteNights,
        int baselineNights) {

    /** True when the 7-day z could not be computed. */
    public boolean insufficient() {
        return z7 == null;
    }
}
