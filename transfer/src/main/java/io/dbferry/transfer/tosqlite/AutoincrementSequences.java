package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Carries the sequence of each identity or serial key over to SQLite's {@code sqlite_sequence}: an AUTOINCREMENT
 * table never reuses an id below its {@code sqlite_sequence.seq} (https://www.sqlite.org/autoinc.html §2), and a
 * PostgreSQL sequence may have handed out ids beyond the largest row left, so the SQLite file must not reuse them
 * either. The larger of the sequence's {@code last_value} and the loaded maximum wins. Stateless.
 */
final class AutoincrementSequences {

    private static final String LAST_VALUE = "SELECT s.last_value FROM pg_catalog.pg_sequences s "
            + "WHERE format('%I.%I', s.schemaname, s.sequencename) = "
            + "pg_catalog.pg_get_serial_sequence(format('%I.%I', ?::text, ?::text), ?)";

    private AutoincrementSequences() {}

    /**
     * Raises each AUTOINCREMENT table's {@code sqlite_sequence} entry to its source sequence's last value.
     *
     * @param source the PostgreSQL connection (read only), never null
     * @param schema the source schema, never null
     * @param file the SQLite target, its tables loaded, never null
     * @param tables the mapped tables, never null
     * @throws SQLException when either side fails
     */
    static void carryOver(Connection source, String schema, SqliteTargetFile file, List<SqliteTable> tables)
            throws SQLException {
        if (!hasSequenceTable(file.connection())) {
            return; // no AUTOINCREMENT table in the file: a truncated table may have been created without it
        }
        for (SqliteTable table : tables) {
            for (SqliteColumn column : table.columns()) {
                if (column.rowidAlias()) {
                    Long last = lastValue(source, schema, table.name(), column.name());
                    if (last != null) {
                        raise(file.connection(), table.name(), last);
                    }
                }
            }
        }
        file.connection().commit();
    }

    private static boolean hasSequenceTable(Connection sqlite) throws SQLException {
        try (PreparedStatement statement = sqlite.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_sequence'");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static Long lastValue(Connection source, String schema, String table, String column) throws SQLException {
        try (PreparedStatement statement = source.prepareStatement(LAST_VALUE)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
            }
        }
    }

    private static void raise(Connection sqlite, String table, long last) throws SQLException {
        try (PreparedStatement update = sqlite.prepareStatement(
                "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
            update.setLong(1, last);
            update.setString(2, table);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = sqlite.prepareStatement(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
            insert.setString(1, table);
            insert.setLong(2, last);
            insert.executeUpdate();
        }
    }
}
