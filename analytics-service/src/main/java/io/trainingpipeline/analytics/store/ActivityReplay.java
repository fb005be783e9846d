package io.trainingpipeline.analytics.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Bulk activity replay for a rebuild from offset 0 (build notes, throughput: "append without keys,
 * de-duplicate once at the end"). Rows are appended with DuckDB's Appender, on a connection of
 * their own so live consumers keep writing meanwhile, to the unkeyed table {@code rpl_activities};
 * {@link #finish} merges them into the keyed tables in one transaction that also recomputes the
 * touched days and records the processed event ids, so the state change and the ids still commit
 * together. A crash before {@link #finish} leaves the keyed tables untouched; the next replay
 * empties {@code rpl_activities} first. Not thread-safe: one writer thread appends.
 */
public final class ActivityReplay implements AutoCloseable {
    static final String TABLE = "rpl_activities";

    private final AnalyticsStore store;
    private final DuckDBConnection connection;
    private final DuckDBAppender appender;
    // the appender is created here but fed by the writer thread and closed by the caller: calls
    // never overlap (the caller awaits the writer), the lock makes the hand-over explicit
    private final Lock appenderLock;
    private long seq;
    private boolean finished;

    ActivityReplay(AnalyticsStore store, DuckDBConnection connection) throws SQLException {
        this.store = store;
        this.connection = connection;
        BatchWriter.exec(connection, "DELETE FROM " + TABLE);
        this.appender = connection.createAppender("main", TABLE);
        this.appenderLock = appender.unsafeBreakThreadConfinement();
    }

    /**
     * Appends rows in arrival order: a later row wins over an earlier one of the same activity
     * (athlete and start), as in the per-batch path.
     */
    public void append(List<ActivityRow> rows) throws SQLException {
        appenderLock.lock();
        try {
            for (ActivityRow row : rows) {
                BatchWriter.appendActivity(appender, seq++, row);
            }
        } finally {
            appenderLock.unlock();
        }
    }

    /** Rows appended so far. */
    public long appended() {
        return seq;
    }

    /**
     * Merges everything appended into the keyed tables (one transaction under the store's lock).
     *
     * @return the number of events applied (new)
     */
    public int finish() throws SQLException {
        closeAppender();
        finished = true;
        return store.transaction(c -> BatchWriter.mergeActivityReplay(c, TABLE));
    }

    private void closeAppender() throws SQLException {
        appenderLock.lock();
        try {
            if (!appender.isClosed()) {
                appender.close();
            }
        } finally {
            appenderLock.unlock();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            closeAppender();
            if (!finished) {
                // an abandoned replay should not keep its rows in the file until the next one
                BatchWriter.exec(connection, "DELETE FROM " + TABLE);
            }
        } finally {
            connection.close();
        }
    }
}
