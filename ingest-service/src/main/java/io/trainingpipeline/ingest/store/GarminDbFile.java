package io.trainingpipeline.ingest.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One GarminDB SQLite file opened strictly read-only (never written, not even a journal): its
 * {@code _attributes}, the columns of a table, and its rows as maps with absent optional columns
 * read as null. Errors name the file and table.
 */
public final class GarminDbFile implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    public GarminDbFile(Path file) throws SQLException {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        this.connection =
                DriverManager.getConnection(
                        "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** {@code _attributes} as name → value (keys lower-cased). */
    public Map<String, String> attributes() throws SQLException {
        if (columns("_attributes").isEmpty()) {
            throw new SQLException(file + ": no _attributes table (not a GarminDB database)");
        }
        Map<String, String> out = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, value FROM _attributes")) {
            while (rs.next()) {
                out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return out;
    }

    /** Columns of {@code table} (lower case); empty when the table does not exist. */
    public Set<String> columns(String table) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rs.next()) {
                out.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Reads {@code wanted} columns of {@code table}; those missing from the table come back null.
     */
    public List<Map<String, Object>> rows(String table, List<String> wanted, Set<String> present)
            throws SQLException {
        StringJoiner select = new StringJoiner(", ");
        for (String c : wanted) {
            select.add(present.contains(c) ? "\"" + c + "\"" : "NULL AS \"" + c + "\"");
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + select + " FROM \"" + table + "\"")) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < wanted.size(); i++) {
                    row.put(wanted.get(i), rs.getObject(i + 1));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
