package io.dbferry.introspect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The partial and expression indexes of a schema, read from the {@code pg_index} catalog (PostgreSQL docs,
 * "System Catalogs"). jOOQ-meta reports a partial index as if it were plain and leaves out an index with an
 * expression, so these are found here and reported as notes instead.
 */
final class UnmodelledIndexes {

    /** One such index; {@code partial} is false for an index on an expression. */
    record UnmodelledIndex(String table, String name, boolean partial) {}

    private static final String SQL = "SELECT t.relname, i.relname, x.indpred IS NOT NULL "
            + "FROM pg_catalog.pg_index x "
            + "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
            + "JOIN pg_catalog.pg_class t ON t.oid = x.indrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE n.nspname = ? AND (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) "
            + "ORDER BY t.relname, i.relname";

    private UnmodelledIndexes() {}

    /**
     * Lists them.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the exact schema name
     * @return ordered by table and index name, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    static List<UnmodelledIndex> in(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, schema);
            List<UnmodelledIndex> indexes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new UnmodelledIndex(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return indexes;
        }
    }
}
