package io.dbferry.introspect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What jOOQ-meta's {@code PostgresDatabase} does not report, read from the system catalogs {@code pg_index},
 * {@code pg_constraint}, {@code pg_class} and {@code pg_depend} (PostgreSQL docs, "System Catalogs"):
 * <ul>
 *   <li>a partial index looks plain in jOOQ-meta, and an index with an expression is left out: both are read here,
 *       with their keys and predicate as {@code pg_get_indexdef} and {@code pg_get_expr} print them;</li>
 *   <li>CHECK constraints, with their expression as {@code pg_get_expr} prints it;</li>
 *   <li>views, with their query ({@code pg_get_viewdef}) and the relations of the schema they read;</li>
 *   <li>a foreign key to a table in another schema is left out, to be reported as a note.</li>
 * </ul>
 * Not thread-safe: it uses the connection it is given, which the caller owns.
 */
final class JooqMetaGaps {

    /**
     * One key of a partial or expression index: its column, or null and its expression; with the index's
     * uniqueness and predicate (null when it has none) repeated on every key.
     */
    record UnmodelledIndexKey(String table, String index, boolean unique, String predicate, String column,
            String expression, boolean descending) {}

    /** A CHECK constraint of a table. */
    record CatalogCheck(String table, String name, String expression) {}

    /** A view with its query and one relation it reads (null when it reads none of this schema). */
    record CatalogView(String name, String query, String dependsOn) {}

    /** A foreign key of {@code table} to {@code referencedSchema.referencedTable}. */
    record CrossSchemaForeignKey(String table, String name, String referencedSchema, String referencedTable) {}

    // indkey and indoption are 0-based int2vectors; indkey 0 marks an expression, indoption bit 1 DESC (pg_index).
    private static final String UNMODELLED_INDEX_KEYS = "SELECT t.relname, i.relname, x.indisunique, "
            + "pg_catalog.pg_get_expr(x.indpred, x.indrelid, true), a.attname, "
            + "pg_catalog.pg_get_indexdef(x.indexrelid, k.n, true), (x.indoption[k.n - 1] & 1) = 1 "
            + "FROM pg_catalog.pg_index x "
            + "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
            + "JOIN pg_catalog.pg_class t ON t.oid = x.indrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
            + "CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(n) "
            + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1] "
            + "AND x.indkey[k.n - 1] <> 0 "
            + "WHERE n.nspname = ? AND (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL) "
            + "ORDER BY t.relname, i.relname, k.n";

    private static final String CHECKS = "SELECT t.relname, c.conname, pg_catalog.pg_get_expr(c.conbin, c.conrelid, true) "
            + "FROM pg_catalog.pg_constraint c "
            + "JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE c.contype = 'c' AND n.nspname = ? ORDER BY t.relname, c.conname";

    // A view's rewrite rule depends on every relation its query reads (pg_depend, pg_rewrite).
    private static final String VIEWS = "SELECT v.relname, pg_catalog.pg_get_viewdef(v.oid, true), d.relname "
            + "FROM pg_catalog.pg_class v "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace "
            + "LEFT JOIN LATERAL (SELECT DISTINCT r.relname FROM pg_catalog.pg_rewrite w "
            + "JOIN pg_catalog.pg_depend p ON p.classid = 'pg_catalog.pg_rewrite'::regclass AND p.objid = w.oid "
            + "AND p.refclassid = 'pg_catalog.pg_class'::regclass "
            + "JOIN pg_catalog.pg_class r ON r.oid = p.refobjid AND r.oid <> v.oid AND r.relnamespace = v.relnamespace "
            + "WHERE w.ev_class = v.oid) AS d ON true "
            + "WHERE v.relkind = 'v' AND n.nspname = ? ORDER BY v.relname, d.relname";

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
     * The keys of the schema's partial and expression indexes.
     *
     * @return ordered by table, index name and key position, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    List<UnmodelledIndexKey> unmodelledIndexKeys() throws SQLException {
        return query(UNMODELLED_INDEX_KEYS, rs -> {
            String column = rs.getString(5);
            return new UnmodelledIndexKey(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), column,
                    column == null ? rs.getString(6) : null, rs.getBoolean(7));
        });
    }

    /**
     * The schema's CHECK constraints.
     *
     * @return ordered by table and constraint name, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    List<CatalogCheck> checks() throws SQLException {
        return query(CHECKS, rs -> new CatalogCheck(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * The schema's views, one row per relation of the schema each reads.
     *
     * @return ordered by view name, never null, possibly empty
     * @throws SQLException when the catalog cannot be read
     */
    List<CatalogView> views() throws SQLException {
        return query(VIEWS, rs -> new CatalogView(rs.getString(1), rs.getString(2), rs.getString(3)));
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
