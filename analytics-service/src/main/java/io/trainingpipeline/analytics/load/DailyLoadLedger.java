package io.trainingpipeline.analytics.load;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The daily load series (training-science section 1): one number per athlete-local calendar day,
 * the sum of that day's activity loads; days without activities are 0, never missing. Activities
 * are keyed by their natural id, so a duplicate replaces rather than adds, and sums run in key
 * order so arrival order cannot change a single bit. This is the rule the store's set-based SQL
 * implements; the property test drives it with random arrival orders.
 */
public final class DailyLoadLedger {
    private record Entry(LocalDate date, double load) {}

    private final Map<String, Entry> byActivity = new HashMap<>();

    /**
     * Records (or replaces) one activity's load.
     *
     * @return the day whose sum changed
     */
    public LocalDate put(String activityId, LocalDate date, double load) {
        Entry old = byActivity.put(activityId, new Entry(date, load));
        return old != null && old.date().isBefore(date) ? old.date() : date;
    }

    /** The first day with data, if any. */
    public Optional<LocalDate> firstDay() {
        return byActivity.values().stream().map(Entry::date).min(Comparator.naturalOrder());
    }

    /** Daily sums by date (only days with activities). */
    public NavigableMap<LocalDate, Double> sums() {
        NavigableMap<LocalDate, Double> sums = new TreeMap<>();
        byActivity.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sums.merge(e.getValue().date(), e.getValue().load(), Double::sum));
        return sums;
    }

    /** The dense series from {@code start} for {@code days} days (0 on rest days). */
    public static double[] dense(NavigableMap<LocalDate, Double> sums, LocalDate start, int days) {
        double[] loads = new double[days];
        sums.subMap(start, true, start.plusDays(days), false)
                .forEach((d, v) -> loads[(int) (d.toEpochDay() - start.toEpochDay())] = v);
        return loads;
    }
}
