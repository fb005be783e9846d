package io.trainingpipeline.analytics.sleep;

import java.time.LocalDate;
import java.util.NavigableMap;

/**
 * Sleep aggregates per day (training-science section 5, sleep_short): last night's hours and how
 * many of the last nights were short. Unmeasured nights count as neither short nor long.
 */
public final class SleepStats {
    private final SleepSettings settings;

    public SleepStats(SleepSettings settings) {
        this.settings = settings;
    }

    /**
     * Aggregates on {@code day}.
     *
     * @param hoursByNight sleep hours by night date (the morning the night ends)
     */
    public SleepDay evaluate(NavigableMap<LocalDate, Double> hoursByNight, LocalDate day) {
        var window =
                hoursByNight.subMap(day.minusDays(settings.windowNights() - 1L), true, day, true);
        int shortNights = 0;
        double sum = 0;
        for (double h : window.values()) {
            sum += h;
            if (h < settings.shortNightHours()) {
                shortNights++;
            }
        }
        return new SleepDay(
                hoursByNight.get(day),
                shortNights,
                window.size(),
                window.isEmpty() ? null : sum / window.size());
    }
}
