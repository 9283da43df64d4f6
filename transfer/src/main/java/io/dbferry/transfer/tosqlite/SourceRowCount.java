package io.dbferry.transfer.tosqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * About how many rows a PostgreSQL table has, for progress: the planner's estimate ({@code pg_class.reltuples},
 * PostgreSQL docs §52.11), which costs nothing, unlike {@code count(*)}. Stateless.
 */
final class SourceRowCount {

    private SourceRowCount() {}

    /**
     * The estimate.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema, exact
     * @param table the table, exact
     * @return rows, ≥ 0; 0 when the table was never analyzed
     * @throws SQLException when the catalog cannot be read
     */
    static long of(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT greatest(c.reltuples, 0)::bigint "
                + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
