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

    /**
     * Aggregates of {@code days} consecutive days from {@code start}, equal to {@link #evaluate}
     * day by day (the same sums in the same order), from one dense array instead of a map window
     * per day.
     */
    public SleepDay[] series(
            NavigableMap<LocalDate, Double> hoursByNight, LocalDate start, int days) {
        int window = settings.windowNights();
        SleepDay[] out = new SleepDay[days];
        if (window < 1) {
            for (int d = 0; d < days; d++) {
                out[d] = evaluate(hoursByNight, start.plusDays(d));
            }
            return out;
        }
        int lead = window - 1;
        LocalDate origin = start.minusDays(lead);
        Double[] hours = new Double[lead + days];
        hoursByNight
                .subMap(origin, true, start.plusDays(days), false)
                .forEach((date, h) -> hours[(int) (date.toEpochDay() - origin.toEpochDay())] = h);
        for (int d = 0; d < days; d++) {
            int j = lead + d;
            int shortNights = 0;
            int nights = 0;
            double sum = 0;
            for (int i = j - lead; i <= j; i++) {
                Double h = hours[i];
                if (h != null) {
                    nights++;
                    sum += h;
                    if (h < settings.shortNightHours()) {
                        shortNights++;
                    }
                }
            }
            out[d] = new SleepDay(hours[j], shortNights, nights, nights == 0 ? null : sum / nights);
        }
        return out;
    }
}
