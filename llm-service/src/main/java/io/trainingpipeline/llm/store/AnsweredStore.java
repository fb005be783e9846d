package io.trainingpipeline.llm.store;

import io.trainingpipeline.llm.config.LlmConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The DuckDB file this service alone owns ({@code llm.data-path}). It records, per flags event id,
 * the answer event (as published JSON) and whether it was published: an outbox, so a redelivered or
 * replayed flags event never reaches the model again, and an answer recorded but not yet published
 * (crash in between) is published from here instead of being recomputed. It also keeps the
 * per-athlete weekly model call counts of the budget. One row per weekly flags event: plain JDBC
 * statements are fast enough here.
 */
@ApplicationScoped
public class AnsweredStore {
    /** A recorded answer. */
    public record Answer(String answerEventId, String athleteId, byte[] json, boolean published) {}

    private final Connection connection;

    public AnsweredStore(LlmConfig config) throws SQLException {
        Path file = Path.of(config.dataPath()).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        // the driver directly, not DriverManager: a second Quarkus app in the same JVM (tests with
        // another profile) would not find the driver registered under the first one's loader
        connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
        try (Statement st = connection.createStatement()) {
            st.execute(
                    """
                    CREATE TABLE IF NOT EXISTS answered (
                        flags_event_id VARCHAR PRIMARY KEY,
                        answer_event_id VARCHAR NOT NULL,
                        answer_type VARCHAR NOT NULL,
                        athlete_id VARCHAR NOT NULL,
                        answered_at TIMESTAMP NOT NULL,
                        published BOOLEAN NOT NULL,
                        event_json VARCHAR NOT NULL)
                    """);
            st.execute(
                    """
                    CREATE TABLE IF NOT EXISTS model_calls (
                        athlete_id VARCHAR NOT NULL,
                        week_start DATE NOT NULL,
                        calls INTEGER NOT NULL,
                        PRIMARY KEY (athlete_id, week_start))
                    """);
        }
    }

    /** The answer recorded for a flags event, if any. */
    public synchronized Optional<Answer> find(String flagsEventId) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement(
                        "SELECT answer_event_id, athlete_id, event_json, published FROM answered"
                                + " WHERE flags_event_id = ?")) {
            st.setString(1, flagsEventId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Answer(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                rs.getBoolean(4)));
            }
        }
    }

    /** Records an answer before it is published (outbox). */
    public synchronized void record(
            String flagsEventId,
            String answerEventId,
            String answerType,
            String athleteId,
            byte[] json)
            throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement(
                        "INSERT INTO answered VALUES (?, ?, ?, ?, ?, false, ?)"
                                + " ON CONFLICT (flags_event_id) DO NOTHING")) {
            st.setString(1, flagsEventId);
            st.setString(2, answerEventId);
            st.setString(3, answerType);
            st.setString(4, athleteId);
            st.setTimestamp(
                    5, Timestamp.valueOf(Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            st.setString(6, new String(json, java.nio.charset.StandardCharsets.UTF_8));
            st.executeUpdate();
        }
    }

    /** Marks the answer to a flags event as acknowledged by the broker. */
    public synchronized void markPublished(String flagsEventId) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement(
                        "UPDATE answered SET published = true WHERE flags_event_id = ?")) {
            st.setString(1, flagsEventId);
            st.executeUpdate();
        }
    }

    /**
     * Counts one model call for the athlete in the week starting {@code weekStart} when fewer than
     * {@code budget} were made.
     *
     * @return true when the call may go ahead
     */
    public synchronized boolean tryConsumeCall(String athleteId, LocalDate weekStart, int budget)
            throws SQLException {
        if (callsMade(athleteId, weekStart) >= budget) {
            return false;
        }
        try (PreparedStatement st =
                connection.prepareStatement(
                        "INSERT INTO model_calls VALUES (?, ?, 1) ON CONFLICT (athlete_id,"
                                + " week_start) DO UPDATE SET calls = calls + 1")) {
            st.setString(1, athleteId);
            st.setObject(2, weekStart);
            st.executeUpdate();
        }
        return true;
    }

    /** Model calls made for the athlete in the week starting {@code weekStart}. */
    public synchronized int callsMade(String athleteId, LocalDate weekStart) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement(
                        "SELECT calls FROM model_calls WHERE athlete_id = ? AND week_start = ?")) {
            st.setString(1, athleteId);
            st.setObject(2, weekStart);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @PreDestroy
    void close() throws SQLException {
        connection.close();
    }
}
