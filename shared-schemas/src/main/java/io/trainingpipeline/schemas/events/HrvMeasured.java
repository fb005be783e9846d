package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;

/**
 * Heart-rate variability of one night (training-science section 4).
 *
 * @param nightDate the calendar date Garmin files the night under
 * @param lastNightAvg average overnight rMSSD in ms, or null when the watch recorded none
 * @param weeklyAvg Garmin's 7-day average, or null
 * @param lastNight5MinHigh highest 5-minute rMSSD, or null
 * @param status Garmin's status (BALANCED, UNBALANCED, LOW, POOR), shown, never used for flags
 * @param baseline Garmin's baseline band, or null
 */
public record HrvMeasured(
        LocalDate nightDate,
        Double lastNightAvg,
        Double weeklyAvg,
        Double lastNight5MinHigh,
        String status,
        Baseline baseline)
        implements EventPayload {

    /** Garmin's personal baseline band for HRV. */
    public record Baseline(
            Double lowUpper, Double balancedLow, Double balancedUpper, Double markerValue) {}
}
