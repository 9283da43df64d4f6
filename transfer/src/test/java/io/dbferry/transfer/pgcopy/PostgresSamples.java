package io.dbferry.transfer.pgcopy;

import io.dbferry.transfer.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Sample data loaded into PostgreSQL, and reading it back as text for value-by-value comparisons. */
final class PostgresSamples {

    private PostgresSamples() {}

    /**
     * Loads {@code samples/chinook-postgresql.sql} (11 tables with keys, indexes, foreign keys and rows) into
     * the connection's database, schema {@code public}.
     */
    static void loadChinook(Connection connection) throws Exception {
        Path dump = Samples.chinook().resolveSibling("chinook-postgresql.sql");
        String sql = Files.readString(dump);
        // The script drops and creates a database and \connects to it; what follows is plain SQL.
        String marker = "\\c chinook;";
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.substring(sql.indexOf(marker) + marker.length()));
        }
    }

    /** Runs statements one by one. */
    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** One value of a query's first row. */
    static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Every row of a table as PostgreSQL's text output of each column, ordered by the whole row's text; the
     * session prints timestamptz in UTC so both sides print alike.
     */
    static List<List<String>> rows(Connection connection, String schema, String table) throws SQLException {
        execute(connection, "SET TimeZone = 'UTC'", "SET extra_float_digits = 3");
        String relation = "\"" + schema + "\".\"" + table + "\"";
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT t.* FROM " + relation + " t ORDER BY t::text")) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each column of a schema's tables with its exact type, NOT NULL, identity and generation, in order. */
    static List<String> columnDefinitions(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT c.relname || '.' || a.attname || ' ' || "
                + "format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull || ' identity=' || "
                + "a.attidentity::text || ' generated=' || a.attgenerated::text || ' default=' || "
                + "coalesce(regexp_replace(pg_get_expr(d.adbin, d.adrelid), '\"?[a-z_]+\"?\\.', ''), '') "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE n.nspname = '" + schema + "' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY c.relname, a.attnum");
    }

    /** Each constraint and index of a schema's tables with its definition, by name. */
    static List<String> keyDefinitions(Connection connection, String schema) throws SQLException {
        List<String> definitions = strings(connection, "SELECT k.conname || ' ' || pg_get_constraintdef(k.oid) "
                + "FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
                + "WHERE n.nspname = '" + schema + "' ORDER BY k.conname");
        definitions.addAll(strings(connection, "SELECT indexname || ' ' || replace(indexdef, '" + schema + ".', '') "
                + "FROM pg_indexes WHERE schemaname = '" + schema + "' ORDER BY indexname"));
        return definitions;
    }

    /** The first column of every row of a query. */
    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
