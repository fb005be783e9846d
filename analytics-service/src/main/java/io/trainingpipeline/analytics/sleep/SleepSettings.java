package io.trainingpipeline.analytics.sleep;

/**
 * Constants of the multi-night sleep rule (training-science section 5, sleep_short: "3 of the last
 * 5 nights &lt; 7 h"), from configuration; the single-night limit is the seed's sleep_min_hours.
 *
 * @param shortNightHours a night below this is short for the multi-night rule (7)
 * @param shortNightsCount how many short nights raise the flag (3)
 * @param windowNights how many last nights are looked at (5)
 */
public record SleepSettings(double shortNightHours, int shortNightsCount, int windowNights) {
    /** The section-5 defaults. */
    public static SleepSettings defaults() {
        return new SleepSettings(7, 3, 5);
    }
}
