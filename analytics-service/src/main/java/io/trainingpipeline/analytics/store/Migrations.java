package io.trainingpipeline.analytics.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, run in order at start-up; the applied version is kept in {@code
 * schema_version}. Append new steps, never edit an applied one (step 1 was extended before the
 * first deployment).
 */
final class Migrations {
    private static final List<String> STEPS =
            List.of(
                    """
                    CREATE TABLE processed_events (
                        event_id VARCHAR PRIMARY KEY,
                        event_type VARCHAR NOT NULL,
                        processed_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
                    CREATE TABLE activities (
                        athlete_id VARCHAR NOT NULL,
                        start_utc TIMESTAMP NOT NULL,
                        event_id VARCHAR NOT NULL,
                        source VARCHAR,
                        activity_key VARCHAR NOT NULL,
                        sport VARCHAR NOT NULL,
                        sub_sport VARCHAR,
                        name VARCHAR,
                        start_local TIMESTAMP,
                        duration_seconds DOUBLE NOT NULL,
                        moving_seconds DOUBLE,
                        distance_meters DOUBLE,
                        avg_hr INTEGER,
                        max_hr INTEGER,
                        hr_zone_seconds DOUBLE[],
                        garmin_training_load DOUBLE,
                        precomputed_load DOUBLE,
                        rmssd_ms DOUBLE,
                        source_file_hash VARCHAR,
                        local_date DATE,
                        hrss DOUBLE,
                        trimp DOUBLE,
                        load_method VARCHAR,
                        PRIMARY KEY (athlete_id, start_utc));
                    """,
                    // 2: daily aggregates (kept forever), wellness, weekly evaluations, staging
                    """
                    CREATE TABLE daily_load (
                        athlete_id VARCHAR NOT NULL,
                        day DATE NOT NULL,
                        hrss DOUBLE NOT NULL,
                        trimp DOUBLE NOT NULL,
                        garmin_load DOUBLE,
                        activity_count INTEGER NOT NULL,
                        pruned_hrss DOUBLE NOT NULL,
                        pruned_trimp DOUBLE NOT NULL,
                        pruned_garmin DOUBLE,
                        pruned_count INTEGER NOT NULL,
                        PRIMARY KEY (athlete_id, day));
                    CREATE TABLE hrv_nights (
                        athlete_id VARCHAR NOT NULL,
                        night_date DATE NOT NULL,
                        rmssd DOUBLE,
                        weekly_avg DOUBLE,
                        five_min_high DOUBLE,
                        status VARCHAR,
                        event_id VARCHAR NOT NULL,
                        PRIMARY KEY (athlete_id, night_date));
                    CREATE TABLE sleep_nights (
                        athlete_id VARCHAR NOT NULL,
                        night_date DATE NOT NULL,
                        sleep_seconds DOUBLE NOT NULL,
                        deep_seconds DOUBLE,
                        light_seconds DOUBLE,
                        rem_seconds DOUBLE,
                        awake_seconds DOUBLE,
                        score INTEGER,
                        event_id VARCHAR NOT NULL,
                        PRIMARY KEY (athlete_id, night_date));
                    CREATE TABLE resting_hr (
                        athlete_id VARCHAR NOT NULL,
                        day DATE NOT NULL,
                        resting_hr INTEGER NOT NULL,
                        event_id VARCHAR NOT NULL,
                        PRIMARY KEY (athlete_id, day));
                    CREATE TABLE flag_evaluations (
                        athlete_id VARCHAR NOT NULL,
                        week_start DATE NOT NULL,
                        evaluated_on DATE NOT NULL,
                        event_id VARCHAR NOT NULL,
                        flags_json VARCHAR NOT NULL,
                        PRIMARY KEY (athlete_id, week_start));
                    CREATE TABLE stg_activities (
                        seq BIGINT, event_id VARCHAR, event_type VARCHAR, athlete_id VARCHAR,
                        start_utc TIMESTAMP, source VARCHAR, activity_key VARCHAR, sport VARCHAR,
                        sub_sport VARCHAR, name VARCHAR, start_local TIMESTAMP,
                        duration_seconds DOUBLE, moving_seconds DOUBLE, distance_meters DOUBLE,
                        avg_hr INTEGER, max_hr INTEGER, garmin_training_load DOUBLE,
                        precomputed_load DOUBLE, rmssd_ms DOUBLE, source_file_hash VARCHAR,
                        local_date DATE, hrss DOUBLE, trimp DOUBLE, load_method VARCHAR);
                    CREATE TABLE stg_wellness (
                        seq BIGINT, event_id VARCHAR, event_type VARCHAR, athlete_id VARCHAR,
                        day DATE, rmssd DOUBLE, weekly_avg DOUBLE, five_min_high DOUBLE,
                        status VARCHAR, sleep_seconds DOUBLE, deep_seconds DOUBLE,
                        light_seconds DOUBLE, rem_seconds DOUBLE, awake_seconds DOUBLE,
                        score INTEGER, resting_hr INTEGER);
                    """,
                    // 3: unkeyed table a bulk replay appends to before one merge (ActivityReplay)
                    """
                    CREATE TABLE rpl_activities AS SELECT * FROM stg_activities LIMIT 0;
                    """);

    /** Tables holding data derived from the topics (emptied by a rebuild, hashed by tests). */
    static final List<String> DATA_TABLES =
            List.of(
                    "processed_events",
                    "activities",
                    "daily_load",
                    "hrv_nights",
                    "sleep_nights",
                    "resting_hr");

    private Migrations() {}

    /** Brings the database to the newest version. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int current;
        try (Statement st = connection.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            current = rs.getInt(1);
        }
        for (int v = current; v < STEPS.size(); v++) {
            try (Statement st = connection.createStatement()) {
                st.execute(STEPS.get(v));
                st.execute("INSERT INTO schema_version VALUES (" + (v + 1) + ")");
            }
        }
        return STEPS.size();
    }
}
