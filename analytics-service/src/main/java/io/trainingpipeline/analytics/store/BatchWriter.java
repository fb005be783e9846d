package io.trainingpipeline.analytics.store;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one poll batch the fast way (build notes, throughput): DuckDB Appender into a staging
 * table, then a handful of set-based statements that upsert by natural key, skip event ids
 * processed before, recompute the touched daily aggregates and record the new event ids, all in the
 * caller's transaction. Row-by-row JDBC would be ~100× slower.
 */
final class BatchWriter {
    private BatchWriter() {}

    private static final String ACTIVITY_COLUMNS =
            "athlete_id, start_utc, event_id, source, activity_key, sport, sub_sport, name,"
                    + " start_local, duration_seconds, moving_seconds, distance_meters, avg_hr,"
                    + " max_hr, garmin_training_load, precomputed_load, rmssd_ms, source_file_hash,"
                    + " local_date, hrss, trimp, load_method";

    /** Applies activity rows; returns how many events were new. */
    static int activities(Connection c, List<ActivityRow> rows) throws SQLException {
        exec(c, "DELETE FROM stg_activities");
        try (DuckDBAppender app = ((DuckDBConnection) c).createAppender("main", "stg_activities")) {
            long seq = 0;
            for (ActivityRow row : rows) {
                appendActivity(app, seq++, row);
            }
        }
        int fresh = dropProcessed(c, "stg_activities");
        if (fresh == 0) {
            return 0;
        }
        // the latest event (by offset) wins for the same athlete and start, as a re-import should
        exec(
                c,
                "INSERT OR REPLACE INTO activities ("
                        + ACTIVITY_COLUMNS
                        + ") SELECT DISTINCT ON (athlete_id, start_utc) "
                        + ACTIVITY_COLUMNS
                        + " FROM stg_activities ORDER BY athlete_id, start_utc, seq DESC");
        recomputeDays(c, "stg_activities");
        markProcessed(c, "stg_activities");
        return fresh;
    }

    /**
     * Merges the unkeyed table {@code replay} filled by a bulk replay ({@link ActivityReplay}) in
     * one set-based pass: the latest offset wins per (athlete, start) among the replayed rows,
     * events processed meanwhile are skipped, and rows stored meanwhile (by the live consumer, so
     * from later offsets) are kept; then the touched days and processed ids, then the table is
     * emptied.
     *
     * @return the number of new events
     */
    static int mergeActivityReplay(Connection c, String replay) throws SQLException {
        int fresh = dropProcessed(c, replay);
        if (fresh > 0) {
            exec(
                    c,
                    "INSERT OR IGNORE INTO activities ("
                            + ACTIVITY_COLUMNS
                            + ") SELECT DISTINCT ON (athlete_id, start_utc) "
                            + ACTIVITY_COLUMNS
                            + " FROM "
                            + replay
                            + " ORDER BY athlete_id, start_utc, seq DESC");
            recomputeDays(c, replay);
            markProcessed(c, replay);
        }
        exec(c, "DELETE FROM " + replay);
        return fresh;
    }

    /**
     * Recomputes the daily aggregates of the (athlete, day) pairs present in table {@code touched}.
     */
    static void recomputeDays(Connection c, String touched) throws SQLException {
        // daily aggregate = loads folded in by retention + the raw rows of the day, summed in
        // start order so the result never depends on arrival order
        exec(
                c,
                """
                INSERT OR REPLACE INTO daily_load
                SELECT g.athlete_id, g.day,
                       coalesce(d.pruned_hrss, 0) + g.hrss,
                       coalesce(d.pruned_trimp, 0) + g.trimp,
                       CASE WHEN d.pruned_garmin IS NULL THEN g.garmin
                            WHEN g.garmin IS NULL THEN d.pruned_garmin
                            ELSE d.pruned_garmin + g.garmin END,
                       coalesce(d.pruned_count, 0) + g.n,
                       coalesce(d.pruned_hrss, 0), coalesce(d.pruned_trimp, 0),
                       d.pruned_garmin, coalesce(d.pruned_count, 0)
                FROM (SELECT a.athlete_id, a.local_date AS day,
                             sum(a.hrss ORDER BY a.start_utc) AS hrss,
                             sum(a.trimp ORDER BY a.start_utc) AS trimp,
                             sum(a.garmin_training_load ORDER BY a.start_utc) AS garmin,
                             count(*) AS n
                      FROM activities a
                      JOIN (SELECT DISTINCT athlete_id, local_date FROM %s) t
                        ON a.athlete_id = t.athlete_id AND a.local_date = t.local_date
                      GROUP BY a.athlete_id, a.local_date) g
                LEFT JOIN daily_load d ON d.athlete_id = g.athlete_id AND d.day = g.day
                """
                        .formatted(touched));
    }

    /** Appends one activity row (staging column order) to {@code app}. */
    static void appendActivity(DuckDBAppender app, long seq, ActivityRow row) throws SQLException {
        EventEnvelope<ActivityRecorded> e = row.event();
        ActivityRecorded a = e.payload();
        app.beginRow()
                .append(seq)
                .append(e.eventId())
                .append(e.eventType())
                .append(e.athleteId())
                .append(LocalDateTime.ofInstant(a.startUtc(), ZoneOffset.UTC))
                .append(e.source())
                .append(a.activityKey())
                .append(a.sport())
                .append(a.subSport())
                .append(a.name());
        if (a.startLocal() == null) {
            app.appendNull();
        } else {
            app.append(a.startLocal());
        }
        app.append(a.durationSeconds())
                .append(a.movingSeconds())
                .append(a.distanceMeters())
                .append(a.avgHr())
                .append(a.maxHr())
                .append(a.garminTrainingLoad())
                .append(a.precomputedLoad())
                .append(a.rmssdMs())
                .append(a.sourceFileHash())
                .append(row.localDate())
                .append(row.hrss())
                .append(row.trimp())
                .append(row.loadMethod())
                .endRow();
    }

    /** Applies wellness events (HRV, sleep, resting HR); returns how many were new. */
    static int wellness(Connection c, List<EventEnvelope<?>> events) throws SQLException {
        exec(c, "DELETE FROM stg_wellness");
        try (DuckDBAppender app = ((DuckDBConnection) c).createAppender("main", "stg_wellness")) {
            long seq = 0;
            for (EventEnvelope<?> e : events) {
                app.beginRow().append(seq++).append(e.eventId()).append(e.eventType());
                app.append(e.athleteId());
                if (e.payload() instanceof HrvMeasured h) {
                    app.append(h.nightDate())
                            .append(h.lastNightAvg())
                            .append(h.weeklyAvg())
                            .append(h.lastNight5MinHigh())
                            .append(h.status());
                    nulls(app, 7);
                } else if (e.payload() instanceof SleepMeasured s) {
                    app.append(s.nightDate());
                    nulls(app, 4);
                    app.append(s.sleepSeconds())
                            .append(s.deepSeconds())
                            .append(s.lightSeconds())
                            .append(s.remSeconds())
                            .append(s.awakeSeconds())
                            .append(s.score())
                            .appendNull();
                } else if (e.payload() instanceof RestingHrMeasured r) {
                    app.append(r.date());
                    nulls(app, 10);
                    app.append(r.restingHr());
                } else {
                    throw new IllegalArgumentException("not a wellness event: " + e.eventType());
                }
                app.endRow();
            }
        }
        int fresh = dropProcessed(c, "stg_wellness");
        if (fresh == 0) {
            return 0;
        }
        String latest = " ORDER BY athlete_id, day, seq DESC";
        exec(
                c,
                "INSERT OR REPLACE INTO hrv_nights SELECT DISTINCT ON (athlete_id, day) athlete_id,"
                        + " day, rmssd, weekly_avg, five_min_high, status, event_id FROM"
                        + " stg_wellness WHERE event_type = 'hrv.measured'"
                        + latest);
        exec(
                c,
                "INSERT OR REPLACE INTO sleep_nights SELECT DISTINCT ON (athlete_id, day)"
                        + " athlete_id, day, sleep_seconds, deep_seconds, light_seconds,"
                        + " rem_seconds, awake_seconds, score, event_id FROM stg_wellness s"
                        + " WHERE event_type = 'sleep.measured'"
                        + latest);
        exec(
                c,
                "INSERT OR REPLACE INTO resting_hr SELECT DISTINCT ON (athlete_id, day)"
                        + " athlete_id, day, resting_hr, event_id FROM stg_wellness s"
                        + " WHERE event_type = 'resting-hr.measured'"
                        + latest);
        markProcessed(c, "stg_wellness");
        return fresh;
    }

    static void markProcessed(Connection c, String staging) throws SQLException {
        exec(
                c,
                "INSERT INTO processed_events (event_id, event_type) SELECT DISTINCT ON (event_id)"
                        + " event_id, event_type FROM "
                        + staging);
    }

    /**
     * Removes staged rows whose event was processed before (one anti-join instead of one per
     * statement).
     *
     * @return the number of new events left
     */
    static int dropProcessed(Connection c, String staging) throws SQLException {
        exec(
                c,
                "DELETE FROM "
                        + staging
                        + " s WHERE EXISTS (SELECT 1 FROM processed_events p WHERE p.event_id ="
                        + " s.event_id)");
        return count(c, "SELECT count(DISTINCT event_id) FROM " + staging);
    }

    private static void nulls(DuckDBAppender app, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            app.appendNull();
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
