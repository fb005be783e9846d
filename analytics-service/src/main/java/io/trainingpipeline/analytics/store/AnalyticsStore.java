package io.trainingpipeline.analytics.store;

import io.trainingpipeline.analytics.config.AnalyticsConfig;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DuckDB file, owned by this service alone. Every write is one transaction per consumer batch
 * that records the processed event ids together with the state change, so redelivery and replay
 * never duplicate (Debezium's idempotent-consumer pattern). Access is serialised: DuckDB has one
 * writer per file and this is it.
 */
@ApplicationScoped
public class AnalyticsStore {
    private final Connection connection;

    public AnalyticsStore(AnalyticsConfig config) throws SQLException {
        Path file = Path.of(config.dataPath());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        this.connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Migrations.migrate(connection);
    }

    /**
     * Stores a batch of activity events; events whose id was processed before are skipped, and an
     * activity seen again from another source (same athlete and start) replaces the older row.
     *
     * @return the number of events applied (not skipped as duplicates)
     */
    public synchronized int applyActivities(List<EventEnvelope<ActivityRecorded>> events)
            throws SQLException {
        Map<String, EventEnvelope<ActivityRecorded>> fresh = new LinkedHashMap<>();
        Set<String> known = processed(events.stream().map(EventEnvelope::eventId).toList());
        for (EventEnvelope<ActivityRecorded> e : events) {
            if (!known.contains(e.eventId())) {
                fresh.putIfAbsent(e.eventId(), e);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        connection.setAutoCommit(false);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ACTIVITY);
                PreparedStatement mark =
                        connection.prepareStatement(
                                "INSERT INTO processed_events (event_id, event_type) VALUES (?, ?)")) {
            for (EventEnvelope<ActivityRecorded> e : fresh.values()) {
                bindActivity(upsert, e);
                upsert.executeUpdate();
                mark.setString(1, e.eventId());
                mark.setString(2, e.eventType());
                mark.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return fresh.size();
    }

    /** Activities of one athlete, newest first. */
    public synchronized List<Map<String, Object>> activities(String athleteId) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement st =
                connection.prepareStatement(
                        "SELECT event_id, source, activity_key, sport, start_utc, duration_seconds,"
                                + " distance_meters, avg_hr FROM activities WHERE athlete_id = ?"
                                + " ORDER BY start_utc DESC")) {
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
                            rs.getTimestamp(5).toLocalDateTime().toInstant(ZoneOffset.UTC));
                    row.put("durationSeconds", rs.getDouble(6));
                    row.put("distanceMeters", rs.getObject(7));
                    row.put("avgHr", rs.getObject(8));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private Set<String> processed(List<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        try (PreparedStatement st =
                connection.prepareStatement(
                        "SELECT event_id FROM processed_events WHERE list_contains(?, event_id)")) {
            Array array = connection.createArrayOf("VARCHAR", ids.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private static final String UPSERT_ACTIVITY =
            """
            INSERT OR REPLACE INTO activities (athlete_id, start_utc, event_id, source, activity_key,
                sport, sub_sport, name, start_local, duration_seconds, moving_seconds,
                distance_meters, avg_hr, max_hr, garmin_training_load, precomputed_load, rmssd_ms,
                source_file_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static void bindActivity(PreparedStatement st, EventEnvelope<ActivityRecorded> e)
            throws SQLException {
        ActivityRecorded a = e.payload();
        st.setString(1, e.athleteId());
        st.setTimestamp(
                2, Timestamp.valueOf(a.startUtc().atOffset(ZoneOffset.UTC).toLocalDateTime()));
        st.setString(3, e.eventId());
        st.setString(4, e.source());
        st.setString(5, a.activityKey());
        st.setString(6, a.sport());
        st.setString(7, a.subSport());
        st.setString(8, a.name());
        st.setTimestamp(9, a.startLocal() == null ? null : Timestamp.valueOf(a.startLocal()));
        st.setDouble(10, a.durationSeconds());
        st.setObject(11, a.movingSeconds());
        st.setObject(12, a.distanceMeters());
        st.setObject(13, a.avgHr());
        st.setObject(14, a.maxHr());
        st.setObject(15, a.garminTrainingLoad());
        st.setObject(16, a.precomputedLoad());
        st.setObject(17, a.rmssdMs());
        st.setString(18, a.sourceFileHash());
    }

    @PreDestroy
    void close() throws SQLException {
        connection.close();
    }
}
