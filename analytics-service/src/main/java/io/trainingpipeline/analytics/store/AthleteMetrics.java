package io.trainingpipeline.analytics.store;

import io.trainingpipeline.analytics.config.AnalyticsSettings;
import io.trainingpipeline.analytics.day.AnalyticsParams;
import io.trainingpipeline.analytics.day.DailyMetrics;
import io.trainingpipeline.analytics.day.DayMetrics;
import io.trainingpipeline.analytics.day.MetricsInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

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

    /** Receives one athlete's recomputed days. */
    @FunctionalInterface
    public interface AthleteSink {
        void accept(String athleteId, List<DayMetrics> days);
    }

    private final AnalyticsStore store;
    private final AnalyticsParams params;
    private final boolean trimpSeries;

    @Inject
    public AthleteMetrics(AnalyticsStore store, AnalyticsSettings settings) {
        this(store, settings.params(), settings.trimpSeries());
    }

    /** Without CDI (benchmarks, tests): the parameters and the series the thresholds apply to. */
    public AthleteMetrics(AnalyticsStore store, AnalyticsParams params, boolean trimpSeries) {
        this.store = store;
        this.params = params;
        this.trimpSeries = trimpSeries;
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
        MetricsInput input =
                input(stored, q.hrvNights(athleteId), q.sleepHours(athleteId), start, to);
        for (DayMetrics m : new DailyMetrics(params).compute(input)) {
            if (!m.date().isBefore(from)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Recomputes every stored athlete from its first day of data to {@code to}, set-based: one
     * query streams the daily loads, HRV and sleep nights of all athletes grouped by athlete (on a
     * connection of its own, so writers are not held up), instead of three queries per athlete,
     * each of which scans the whole table. Each athlete's days are exactly {@code range(athlete,
     * first day, to)}. Athletes without a load on or before {@code to} are skipped.
     *
     * @return the number of athletes recomputed
     */
    public int recomputeAll(LocalDate to, AthleteSink sink) throws SQLException {
        DailyMetrics core = new DailyMetrics(params);
        int athletes = 0;
        try (Connection c = store.reader();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT athlete_id, 0 AS kind, day, hrss, trimp, garmin_load FROM"
                                        + " daily_load WHERE day <= ? UNION ALL SELECT athlete_id,"
                                        + " 1, night_date, rmssd, NULL, NULL FROM hrv_nights WHERE"
                                        + " rmssd IS NOT NULL UNION ALL SELECT athlete_id, 2,"
                                        + " night_date, sleep_seconds / 3600.0, NULL, NULL FROM"
                                        + " sleep_nights ORDER BY athlete_id")) {
            st.setObject(1, to);
            try (ResultSet rs = st.executeQuery()) {
                History h = null;
                while (rs.next()) {
                    String athlete = rs.getString(1);
                    if (h == null || !h.athlete.equals(athlete)) {
                        athletes += h != null && h.emit(core, to, sink) ? 1 : 0;
                        h = new History(athlete);
                    }
                    LocalDate day = rs.getObject(3, LocalDate.class);
                    switch (rs.getInt(2)) {
                        case 0 ->
                                h.loads.put(
                                        day,
                                        new StoreQueries.DayLoad(
                                                rs.getDouble(4),
                                                rs.getDouble(5),
                                                (Double) rs.getObject(6)));
                        case 1 -> h.rmssd.put(day, rs.getDouble(4));
                        default -> h.sleep.put(day, rs.getDouble(4));
                    }
                }
                athletes += h != null && h.emit(core, to, sink) ? 1 : 0;
            }
        }
        return athletes;
    }

    /** One athlete's stored history while streaming. */
    private final class History {
        final String athlete;
        final NavigableMap<LocalDate, StoreQueries.DayLoad> loads = new TreeMap<>();
        final NavigableMap<LocalDate, Double> rmssd = new TreeMap<>();
        final NavigableMap<LocalDate, Double> sleep = new TreeMap<>();

        History(String athlete) {
            this.athlete = athlete;
        }

        boolean emit(DailyMetrics core, LocalDate to, AthleteSink sink) {
            if (loads.isEmpty()) {
                return false;
            }
            sink.accept(athlete, core.compute(input(loads, rmssd, sleep, loads.firstKey(), to)));
            return true;
        }
    }

    /** The core's input for days {@code start..to} (as {@link #range} builds it). */
    private MetricsInput input(
            NavigableMap<LocalDate, StoreQueries.DayLoad> stored,
            NavigableMap<LocalDate, Double> rmssd,
            NavigableMap<LocalDate, Double> sleep,
            LocalDate start,
            LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(start, to) + 1;
        double[] loads = new double[days];
        double[] garmin = new double[days];
        for (Map.Entry<LocalDate, StoreQueries.DayLoad> e :
                stored.subMap(start, true, to, true).entrySet()) {
            int i = (int) ChronoUnit.DAYS.between(start, e.getKey());
            loads[i] = trimpSeries ? e.getValue().trimp() : e.getValue().hrss();
            garmin[i] = e.getValue().garmin() == null ? 0 : e.getValue().garmin();
        }
        return new MetricsInput(start, loads, garmin, rmssd, sleep, 0, 0);
    }

    /** Metrics of one day. */
    public DayMetrics day(String athleteId, LocalDate day) throws SQLException {
        return range(athleteId, day, day).get(0);
    }
}
