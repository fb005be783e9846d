package io.trainingpipeline.analytics.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, run in order at start-up; the applied version is kept in {@code
 * schema_version}. Append new steps, never edit an applied one.
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
                        PRIMARY KEY (athlete_id, start_utc));
                    """);

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
