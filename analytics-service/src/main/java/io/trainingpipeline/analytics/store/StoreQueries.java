package io.trainingpipeline.analytics.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Read queries on the store (each under the store's lock). */
public final class StoreQueries {
    /**
     * One stored day of the daily load series (training-science section 1).
     *
     * @param hrss sum of HRSS
     * @param trimp sum of TRIMP
     * @param garmin sum of Garmin's load, or null when no activity had one
     */
    public record DayLoad(double hrss, double trimp, Double garmin) {}

    private final AnalyticsStore store;

    StoreQueries(AnalyticsStore store) {
        this.store = store;
    }

    /** Activities of one athlete, newest first. */
    public List<Map<String, Object>> activities(String athleteId) throws SQLException {
        return store.locked(
                c -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    try (PreparedStatement st =
                            c.prepareStatement(
                                    "SELECT event_id, source, activity_key, sport, start_utc,"
                                            + " duration_seconds, distance_meters, avg_hr, local_date,"
                                            + " hrss, trimp, load_method, garmin_training_load FROM"
                                            + " activities WHERE athlete_id = ? ORDER BY start_utc"
                                            + " DESC")) {
                        st.setString(1, athleteId);
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("eventId", rs.getString(1));
                                row.put("source", rs.getString(2));
                                row.put("activityKey", rs.getString(3));
                                row.put("sport", rs.getString(4));
                                row.put(
                                        "startUtc",
                                        rs.getTimestamp(5)
                                                .toLocalDateTime()
                                                .toInstant(ZoneOffset.UTC));
                                row.put("durationSeconds", rs.getDouble(6));
                                row.put("distanceMeters", rs.getObject(7));
                                row.put("avgHr", rs.getObject(8));
                                row.put("localDate", String.valueOf(rs.getObject(9)));
                                row.put("hrss", rs.getObject(10));
                                row.put("trimp", rs.getObject(11));
                                row.put("loadMethod", rs.getString(12));
                                row.put("garminLoad", rs.getObject(13));
                                rows.add(row);
                            }
                        }
                    }
                    return rows;
                });
    }

    /** The athlete's stored daily loads, by day. */
    public NavigableMap<LocalDate, DayLoad> dailyLoads(String athleteId) throws SQLException {
        NavigableMap<LocalDate, DayLoad> out = new TreeMap<>();
        query(
                "SELECT day, hrss, trimp, garmin_load FROM daily_load WHERE athlete_id = ?",
                athleteId,
                rs ->
                        out.put(
                                rs.getObject(1, LocalDate.class),
                                new DayLoad(
                                        rs.getDouble(2),
                                        rs.getDouble(3),
                                        (Double) rs.getObject(4))));
        return out;
    }

    /** Nightly rMSSD (nights with a value only). */
    public NavigableMap<LocalDate, Double> hrvNights(String athleteId) throws SQLException {
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        query(
                "SELECT night_date, rmssd FROM hrv_nights WHERE athlete_id = ? AND rmssd IS NOT"
                        + " NULL",
                athleteId,
                rs -> out.put(rs.getObject(1, LocalDate.class), rs.getDouble(2)));
        return out;
    }

    /** Sleep hours by night. */
    public NavigableMap<LocalDate, Double> sleepHours(String athleteId) throws SQLException {
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        query(
                "SELECT night_date, sleep_seconds / 3600.0 FROM sleep_nights WHERE athlete_id = ?",
                athleteId,
                rs -> out.put(rs.getObject(1, LocalDate.class), rs.getDouble(2)));
        return out;
    }

    /** Resting HR values of days in [from, to]. */
    public List<Integer> restingHr(String athleteId, LocalDate from, LocalDate to)
            throws SQLException {
        List<Integer> out = new ArrayList<>();
        query(
                "SELECT resting_hr FROM resting_hr WHERE athlete_id = ? AND day BETWEEN '"
                        + from
                        + "' AND '"
                        + to
                        + "'",
                athleteId,
                rs -> out.add(rs.getInt(1)));
        return out;
    }

    /** Highest max HR of activities on days in [from, to]. */
    public OptionalDouble highestHr(String athleteId, LocalDate from, LocalDate to)
            throws SQLException {
        double[] max = {Double.NaN};
        query(
                "SELECT max(max_hr) FROM activities WHERE athlete_id = ? AND max_hr IS NOT NULL"
                        + " AND local_date BETWEEN '"
                        + from
                        + "' AND '"
                        + to
                        + "'",
                athleteId,
                rs -> {
                    if (rs.getObject(1) != null) {
                        max[0] = rs.getDouble(1);
                    }
                });
        return Double.isNaN(max[0]) ? OptionalDouble.empty() : OptionalDouble.of(max[0]);
    }

    /** The newest night with an HRV value, if any. */
    public Optional<LocalDate> newestHrvNight(String athleteId) throws SQLException {
        return Optional.ofNullable(
                hrvNights(athleteId).isEmpty() ? null : hrvNights(athleteId).lastKey());
    }

    /** How many raw activity rows are stored. */
    public int activityRowCount() throws SQLException {
        return store.locked(c -> BatchWriter.count(c, "SELECT count(*) FROM activities"));
    }

    /**
     * SHA-256 over the rows of every derived table that belong to {@code athletes}, in key order:
     * equal hashes mean equal contents (processed_at timestamps excluded; processed event ids are
     * not athlete-scoped and are compared through the data they produced).
     */
    public String contentHash(List<String> athletes) throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String table : Migrations.DATA_TABLES) {
            if (table.equals("processed_events")) {
                continue;
            }
            for (String athlete : athletes) {
                query(
                        "SELECT * FROM " + table + " WHERE athlete_id = ? ORDER BY ALL",
                        athlete,
                        rs -> {
                            StringBuilder row = new StringBuilder(table);
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append('|').append(rs.getObject(i));
                            }
                            digest.update(
                                    row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                        });
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A callback per row. */
    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String athleteId, RowHandler handler) throws SQLException {
        store.locked(
                c -> {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        st.setString(1, athleteId);
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                handler.row(rs);
                            }
                        }
                    }
                    return null;
                });
    }
}
