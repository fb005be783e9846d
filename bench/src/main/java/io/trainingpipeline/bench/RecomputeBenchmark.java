package io.trainingpipeline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trainingpipeline.analytics.day.AnalyticsParams;
import io.trainingpipeline.analytics.day.DayMetrics;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.analytics.store.AthleteMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Analytics recompute for N athletes × Y years of daily data in a real DuckDB file (the service's
 * schema, {@link AnalyticsStore}): {@link AthleteMetrics#recomputeAll} — daily loads, HRV and sleep
 * nights streamed per athlete into the service's core (CTL/ATL/TSB, ramp, ACWR, HRV baseline and z,
 * sleep, flags for every day) — versus a plain JDBC scan of the same columns of the same tables in
 * the same run. Also prints, for a sample of athletes, the per-athlete query path ({@code range},
 * three queries per athlete) extrapolated to all athletes.
 */
public final class RecomputeBenchmark {
    private static final LocalDate FIRST = LocalDate.parse("2016-01-01");

    private RecomputeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int athletes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int years = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int days = years * 365;
        LocalDate last = FIRST.plusDays(days - 1L);
        System.out.printf(
                "RecomputeBenchmark: %,d athletes x %d years (%,d days)%n", athletes, years, days);
        Path dir = Files.createTempDirectory("recompute-bench");
        try (AnalyticsStore store =
                new AnalyticsStore(dir.resolve("analytics.duckdb"), new SimpleMeterRegistry())) {
            long t0 = System.nanoTime();
            long rows = fill(store, athletes, days);
            System.out.printf("fill      : %,d rows in %.1f s%n", rows, seconds(t0));

            t0 = System.nanoTime();
            long scanned = scan(store);
            double scan1 = seconds(t0);
            System.out.printf("scan      : %,d rows in %.2f s%n", scanned, scan1);

            AthleteMetrics metrics = new AthleteMetrics(store, AnalyticsParams.defaults(), false);
            double[] checksum = new double[2];
            t0 = System.nanoTime();
            int done =
                    metrics.recomputeAll(
                            last,
                            (athlete, series) -> {
                                checksum[0] += series.get(series.size() - 1).ctl();
                                for (DayMetrics m : series) {
                                    checksum[1] += m.flags().size();
                                }
                            });
            double recompute = seconds(t0);
            System.out.printf(
                    "recompute : %,d athletes in %.2f s (sum of last CTL %.1f, %,.0f flags)%n",
                    done, recompute, checksum[0], checksum[1]);

            t0 = System.nanoTime();
            scan(store);
            double scan2 = seconds(t0);
            double scan = (scan1 + scan2) / 2;
            System.out.printf("scan again: %.2f s (baseline = mean %.2f s)%n", scan2, scan);

            int sample = Math.min(athletes, 10);
            t0 = System.nanoTime();
            for (int a = 0; a < sample; a++) {
                List<DayMetrics> series = metrics.range(athlete(a), FIRST, last);
                checksum[0] += series.size();
            }
            double perAthlete = seconds(t0) / sample;
            System.out.printf(
                    "per-athlete range(): %.3f s each, ~%.0f s for %,d athletes (not used above)%n",
                    perAthlete, perAthlete * athletes, athletes);
            if (done != athletes) {
                throw new IllegalStateException("recomputed " + done + " of " + athletes);
            }
            double ratio = recompute / scan;
            System.out.printf(
                    "BENCH|analytics recompute %,d athletes x %d years (set-based"
                            + " AthleteMetrics.recomputeAll)|%.2f s|plain DuckDB scan of the same"
                            + " tables %.2f s|%.2fx|<= 3x|%s%n",
                    athletes, years, recompute, scan, ratio, ratio <= 3 ? "yes" : "no");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String athlete(int a) {
        return String.format("athlete-%04d", a);
    }

    /** Synthetic daily data: a load 6 days a week, HRV 9 nights of 10, sleep every night. */
    private static long fill(AnalyticsStore store, int athletes, int days) throws SQLException {
        String grid = " FROM range(%d) ta(a), range(%d) td(d)".formatted(athletes, days);
        String order = " ORDER BY a, d";
        String key =
                "SELECT 'athlete-' || lpad(a::VARCHAR, 4, '0'), DATE '" + FIRST + "' + d::INTEGER";
        return store.locked(
                c -> {
                    long n = 0;
                    try (Statement st = c.createStatement()) {
                        n +=
                                st.executeUpdate(
                                        "INSERT INTO daily_load "
                                                + key
                                                + ", (hash(a, d) % 150)::DOUBLE,"
                                                + " (hash(a, d, 1) % 250)::DOUBLE,"
                                                + " CASE WHEN d % 3 = 0 THEN NULL ELSE (hash(a, d, 2)"
                                                + " % 90)::DOUBLE END, 1, 0, 0, NULL, 0"
                                                + grid
                                                + " WHERE d % 7 <> 3"
                                                + order);
                        n +=
                                st.executeUpdate(
                                        "INSERT INTO hrv_nights "
                                                + key
                                                + ", 30 + (hash(a, d, 3) % 60)::DOUBLE, NULL, NULL,"
                                                + " NULL, 'e'"
                                                + grid
                                                + " WHERE (a * 7 + d) % 10 <> 0"
                                                + order);
                        n +=
                                st.executeUpdate(
                                        "INSERT INTO sleep_nights "
                                                + key
                                                + ", 3600.0 * (5 + (hash(a, d, 4) % 4)), NULL,"
                                                + " NULL, NULL, NULL, NULL, 'e'"
                                                + grid
                                                + order);
                        st.execute("CHECKPOINT");
                    }
                    return n;
                });
    }

    /** Reads the columns the recompute reads, every row, with the same JDBC getters. */
    private static long scan(AnalyticsStore store) throws SQLException {
        long n = 0;
        double sink = 0;
        try (Connection c = store.reader();
                Statement st = c.createStatement()) {
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT athlete_id, day, hrss, trimp, garmin_load FROM daily_load")) {
                while (rs.next()) {
                    sink +=
                            rs.getString(1).length()
                                    + rs.getObject(2, LocalDate.class).getDayOfMonth();
                    sink += rs.getDouble(3) + rs.getDouble(4);
                    sink += rs.getObject(5) == null ? 0 : 1;
                    n++;
                }
            }
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT athlete_id, night_date, rmssd FROM hrv_nights WHERE rmssd IS NOT"
                                    + " NULL")) {
                while (rs.next()) {
                    sink +=
                            rs.getString(1).length()
                                    + rs.getObject(2, LocalDate.class).getDayOfMonth();
                    sink += rs.getDouble(3);
                    n++;
                }
            }
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT athlete_id, night_date, sleep_seconds / 3600.0 FROM"
                                    + " sleep_nights")) {
                while (rs.next()) {
                    sink +=
                            rs.getString(1).length()
                                    + rs.getObject(2, LocalDate.class).getDayOfMonth();
                    sink += rs.getDouble(3);
                    n++;
                }
            }
        }
        return sink == -1 ? -1 : n;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
