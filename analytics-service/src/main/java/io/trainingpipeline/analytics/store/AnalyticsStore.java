package io.trainingpipeline.analytics.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trainingpipeline.schemas.EventEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB file, owned by this service alone. Every write is one transaction per consumer batch
 * that records the processed event ids together with the state change, so redelivery and replay
 * never duplicate (Debezium's idempotent-consumer pattern). Access is serialised by one lock
 * (DuckDB has one writer per file and this is it); time spent waiting for it is the {@code
 * db_lock_seconds} timer. Reads live in {@link StoreQueries}.
 */
public class AnalyticsStore implements AutoCloseable {
    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Timer lockWait;
    private final StoreQueries queries;

    /** Opens (creating when absent) the database file and migrates it to the newest version. */
    public AnalyticsStore(Path file, MeterRegistry registry) throws SQLException {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        this.connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Migrations.migrate(connection);
        this.lockWait =
                Timer.builder("db_lock_seconds")
                        .description("time spent waiting for the DuckDB connection")
                        .publishPercentileHistogram()
                        .register(registry);
        this.queries = new StoreQueries(this);
    }

    /** Read queries. */
    public StoreQueries queries() {
        return queries;
    }

    /** Runs {@code work} holding the connection; the wait is timed as db_lock_seconds. */
    public <T> T locked(Work<T> work) throws SQLException {
        long t0 = System.nanoTime();
        lock.lock();
        lockWait.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction (rolled back on failure). */
    public <T> T transaction(Work<T> work) throws SQLException {
        return locked(
                c -> {
                    c.setAutoCommit(false);
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                });
    }

    /**
     * Stores a batch of activities in one transaction; events processed before are skipped, an
     * activity seen again (same athlete and start) replaces the older row, and the daily aggregates
     * of the touched days are recomputed.
     *
     * @return the number of events applied (not skipped as duplicates)
     */
    public int applyActivities(List<ActivityRow> rows) throws SQLException {
        return rows.isEmpty() ? 0 : transaction(c -> BatchWriter.activities(c, rows));
    }

    /**
     * Starts a bulk activity replay (rebuild from offset 0) on a connection of its own; see {@link
     * ActivityReplay}.
     */
    public ActivityReplay beginActivityReplay() throws SQLException {
        return new ActivityReplay(this, locked(c -> ((DuckDBConnection) c).duplicate()));
    }

    /**
     * A connection of its own for a long read (the caller closes it): it sees a consistent snapshot
     * and does not hold the writers' lock.
     */
    public java.sql.Connection reader() throws SQLException {
        return locked(c -> ((DuckDBConnection) c).duplicate());
    }

    /** Stores a batch of HRV, sleep and resting-HR events in one transaction. */
    public int applyWellness(List<EventEnvelope<?>> events) throws SQLException {
        return events.isEmpty() ? 0 : transaction(c -> BatchWriter.wellness(c, events));
    }

    /** Empties every derived table (before a rebuild from offset 0). */
    public void truncateAll() throws SQLException {
        transaction(
                c -> {
                    for (String table : Migrations.DATA_TABLES) {
                        BatchWriter.exec(c, "DELETE FROM " + table);
                    }
                    return null;
                });
    }

    /**
     * Retention: deletes raw activity rows of days before {@code cutoff}, first folding their loads
     * into the kept daily aggregates ({@code pruned_*}), so every daily value stays bit-identical.
     *
     * @return the number of raw rows deleted
     */
    public int pruneActivitiesBefore(java.time.LocalDate cutoff) throws SQLException {
        return transaction(
                c -> {
                    try (var st =
                            c.prepareStatement(
                                    "UPDATE daily_load SET pruned_hrss = hrss, pruned_trimp = trimp,"
                                            + " pruned_garmin = garmin_load,"
                                            + " pruned_count = activity_count WHERE day < ?")) {
                        st.setObject(1, cutoff);
                        st.executeUpdate();
                    }
                    try (var st =
                            c.prepareStatement("DELETE FROM activities WHERE local_date < ?")) {
                        st.setObject(1, cutoff);
                        return st.executeUpdate();
                    }
                });
    }

    /** Records a published weekly evaluation (replacing an earlier one of the same week). */
    public void saveEvaluation(
            String athleteId,
            java.time.LocalDate weekStart,
            java.time.LocalDate evaluatedOn,
            String eventId,
            String flagsJson)
            throws SQLException {
        locked(
                c -> {
                    try (var st =
                            c.prepareStatement(
                                    "INSERT OR REPLACE INTO flag_evaluations VALUES (?, ?, ?, ?, ?)")) {
                        st.setString(1, athleteId);
                        st.setObject(2, weekStart);
                        st.setObject(3, evaluatedOn);
                        st.setString(4, eventId);
                        st.setString(5, flagsJson);
                        return st.executeUpdate();
                    }
                });
    }

    /** Reclaims space (DuckDB's VACUUM does not shrink the file). */
    public void checkpoint() throws SQLException {
        locked(
                c -> {
                    BatchWriter.exec(c, "CHECKPOINT");
                    return null;
                });
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
