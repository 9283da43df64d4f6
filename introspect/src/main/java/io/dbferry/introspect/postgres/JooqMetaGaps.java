package io.dbferry.introspect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What jOOQ-meta's {@code PostgresDatabase} does not report, read from the system catalogs {@code pg_index}
 * and {@code pg_constraint} (PostgreSQL docs, "System Catalogs") so that it can be reported as notes:
 * <ul>
 *   <li>a partial index looks plain in jOOQ-meta, and an index with an expression is left out;</li>
 *   <li>a foreign key to a table in another schema is left out.</li>
 * </ul>
 * Not thread-safe: it uses the connection it is given, which the caller owns.
 */
final class JooqMetaGaps {

    /** A partial index, or one on an expression when {@code partial} is false. */
    record UnmodelledIndex(String table, String name, boolean partial) {}

    /** A foreign key of {@code table} to {@code referencedSchema.referencedTable}. */
    record CrossSchemaForeignKey(String table, String name, String referencedSchema, String referencedTable) {}

    private static final String UNMODELLED_INDEXES = "SELECT t.relname, i.relname, x.indpred IS NOT NULL "
            + "FROM pg_catalog.pg_index x "
            + "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
            + "JOIN pg_catalog.pg_class t ON t.oid = x.indrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE n.nspname = ? AND (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) "
            + "ORDER BY t.relname, i.relname";

    private static final String CROSS_SCHEMA_FOREIGN_KEYS = "SELECT t.relname, c.conname, rn.nspname, r.relname "
            + "FROM pg_catalog.pg_constraint c "
            + "JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
            + "JOIN pg_catalog.pg_class r ON r.oid = c.confrelid "
            + "JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace "
            + "WHERE c.contype = 'f' AND n.nspname = ? AND rn.nspname <> n.nspname "
            + "ORDER BY t.relname, c.conname";

    private final Connection connection;
    private final String schema;

    /**
     * Creates a reader of one schema's gaps.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the exact schema name
     */
    JooqMetaGaps(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * The schema's partial and expression indexes.
     *
     * @return ordered by table and index name, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    List<UnmodelledIndex> unmodelledIndexes() throws SQLException {
        return query(UNMODELLED_INDEXES, rs -> new UnmodelledIndex(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    /**
     * The schema's foreign keys to tables of other schemas.
     *
     * @return ordered by table and constraint name, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    List<CrossSchemaForeignKey> crossSchemaForeignKeys() throws SQLException {
        return query(CROSS_SCHEMA_FOREIGN_KEYS, rs -> new CrossSchemaForeignKey(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }
}
