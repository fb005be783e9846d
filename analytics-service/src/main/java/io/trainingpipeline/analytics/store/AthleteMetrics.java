package io.trainingpipeline.analytics.store;

import io.trainingpipeline.analytics.config.AnalyticsSettings;
import io.trainingpipeline.analytics.day.DailyMetrics;
import io.trainingpipeline.analytics.day.DayMetrics;
import io.trainingpipeline.analytics.day.MetricsInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Metrics of a stored athlete: reads the kept daily aggregates, HRV and sleep nights and runs the
 * core ({@link DailyMetrics}) from the first day of data (section 3 seeding) to the asked day; the
 * same computation serves what-if. Days before the first day of data have load 0 and the seed
 * values and raise no flags.
 */
@ApplicationScoped
public class AthleteMetrics {
    /** Longest range one request may ask for. */
    public static final int MAX_DAYS = 3660;

    private final AnalyticsStore store;
    private final AnalyticsSettings settings;

    public AthleteMetrics(AnalyticsStore store, AnalyticsSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Metrics of days {@code from..to} inclusive. */
    public List<DayMetrics> range(String athleteId, LocalDate from, LocalDate to)
            throws SQLException {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException(
                    "'to' must be on or after 'from' and at most " + MAX_DAYS + " days later");
        }
        StoreQueries q = store.queries();
        NavigableMap<LocalDate, StoreQueries.DayLoad> stored = q.dailyLoads(athleteId);
        List<DayMetrics> out = new ArrayList<>();
        LocalDate start = stored.isEmpty() ? to.plusDays(1) : stored.firstKey();
        for (LocalDate d = from; d.isBefore(start) && !d.isAfter(to); d = d.plusDays(1)) {
            out.add(
                    new DayMetrics(
                            d, 0, null, 0, 0, 0, 0, null, null, null, null, true, List.of()));
        }
        if (start.isAfter(to)) {
            return out;
        }
        int days = (int) ChronoUnit.DAYS.between(start, to) + 1;
        double[] loads = new double[days];
        double[] garmin = new double[days];
        for (Map.Entry<LocalDate, StoreQueries.DayLoad> e :
                stored.subMap(start, true, to, true).entrySet()) {
            int i = (int) ChronoUnit.DAYS.between(start, e.getKey());
            loads[i] = settings.trimpSeries() ? e.getValue().trimp() : e.getValue().hrss();
            garmin[i] = e.getValue().garmin() == null ? 0 : e.getValue().garmin();
        }
        MetricsInput input =
                new MetricsInput(
                        start,
                        loads,
                        garmin,
                        q.hrvNights(athleteId),
                        q.sleepHours(athleteId),
                        0,
                        0);
        for (DayMetrics m : new DailyMetrics(settings.params()).compute(input)) {
            if (!m.date().isBefore(from)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Metrics of one day. */
    public DayMetrics day(String athleteId, LocalDate day) throws SQLException {
        return range(athleteId, day, day).get(0);
    }
}
