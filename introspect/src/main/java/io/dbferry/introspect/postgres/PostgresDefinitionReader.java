package io.dbferry.introspect.postgres;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the exact definitions of one schema's tables, enums, domains and free-standing sequences from the system
 * catalogs ({@code pg_attribute}, {@code pg_attrdef}, {@code pg_constraint}, {@code pg_index}, {@code pg_type},
 * {@code pg_enum}, {@code pg_sequences}; PostgreSQL docs chapters 53 and 54), with the texts {@code format_type},
 * {@code pg_get_expr}, {@code pg_get_constraintdef} and {@code pg_get_indexdef} print (§9.26).
 *
 * <p>Those functions qualify a name only when it is not visible through the session's {@code search_path}: set
 * the path to the schema being read first, and the texts name the schema's own objects unqualified, so they can
 * be run in another schema. Never writes to the database. Not thread-safe; the connection is the caller's.
 */
public final class PostgresDefinitionReader {

    /** OIDs below this are built in (PostgreSQL's {@code FirstNormalObjectId}, src/include/access/transam.h). */
    private static final int FIRST_NORMAL_OBJECT_ID = 16384;

    // t is the column's type, b the type whose schema matters: the element of an array, else t itself.
    private static final String COLUMNS = "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
            + "a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
            + "pg_catalog.pg_sequence_last_value(pg_catalog.pg_get_serial_sequence("
            + "pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), a.attname)::regclass), "
            + "pg_catalog.pg_get_serial_sequence("
            + "pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), a.attname) IS NOT NULL, "
            + "bn.nspname, b.typname, b.typtype, "
            + "(t.typcategory = 'A' AND t.typelem >= " + FIRST_NORMAL_OBJECT_ID + ") OR b.typtype = 'c', "
            + "CASE WHEN a.attcollation <> t.typcollation THEN CASE WHEN cn.nspname = 'pg_catalog' "
            + "THEN pg_catalog.format('%I', co.collname) ELSE pg_catalog.format('%I.%I', cn.nspname, co.collname) END END "
            + "FROM pg_catalog.pg_attribute a "
            + "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
            + "JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 "
            + "THEN t.typelem ELSE t.oid END "
            + "JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace "
            + "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
            + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
            + "ORDER BY c.relname, a.attnum";

    private static final String CONSTRAINTS = "SELECT c.relname, k.conname, k.contype, "
            + "pg_catalog.pg_get_constraintdef(k.oid), rn.nspname "
            + "FROM pg_catalog.pg_constraint k "
            + "JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid "
            + "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace "
            + "WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'c', 'x', 'f') AND c.relkind IN ('r', 'p') "
            + "ORDER BY c.relname, array_position(ARRAY['p', 'u', 'c', 'x', 'f'], k.contype::text), k.conname";

    // An index backing a primary key, UNIQUE or EXCLUDE constraint comes with its constraint.
    private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique, "
            + "pg_catalog.pg_get_indexdef(x.indexrelid), am.amname "
            + "FROM pg_catalog.pg_index x "
            + "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
            + "JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "JOIN pg_catalog.pg_am am ON am.oid = i.relam "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
            + "WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x')) "
            + "ORDER BY c.relname, i.relname";

    private static final String ENUMS = "SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
            + "WHERE n.nspname = ? ORDER BY t.typname, e.enumsortorder";

    // OID order is creation order, so a domain over another domain comes after it.
    private static final String DOMAINS = "SELECT t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod), "
            + "t.typnotnull, t.typdefault, k.conname, pg_catalog.pg_get_constraintdef(k.oid) "
            + "FROM pg_catalog.pg_type t "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "LEFT JOIN pg_catalog.pg_constraint k ON k.contypid = t.oid AND k.contype = 'c' "
            + "WHERE n.nspname = ? AND t.typtype = 'd' ORDER BY t.oid, k.conname";

    // A serial sequence depends on its column with deptype 'a', an identity sequence with 'i' (pg_depend).
    private static final String SEQUENCES = "SELECT s.sequencename, s.data_type::text, s.start_value, s.min_value, "
            + "s.max_value, s.increment_by, s.cycle, s.last_value "
            + "FROM pg_catalog.pg_sequences s "
            + "JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname "
            + "JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename "
            + "WHERE s.schemaname = ? AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            + "WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid "
            + "AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')) "
            + "ORDER BY s.sequencename";

    private static final String PARTITIONING = "SELECT c.relname FROM pg_catalog.pg_class c "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = ? AND (c.relkind = 'p' OR c.relispartition)";

    private final Connection connection;
    private final String schema;

    private PostgresDefinitionReader(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * Reads the schema's definitions.
     *
     * @param connection an open PostgreSQL connection, not closed here; its {@code search_path} decides which
     *     names print qualified
     * @param schema the exact (case-sensitive) schema name, never null
     * @return the definitions, never null; empty when the schema does not exist
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} naming the schema when the catalogs
     *     cannot be read
     */
    public static PostgresDefinitions read(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        try {
            return new PostgresDefinitionReader(connection, schema).read();
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed reading the definitions of PostgreSQL "
                    + "schema \"" + schema + "\": " + e.getMessage(), e);
        }
    }

    private PostgresDefinitions read() throws SQLException {
        Map<String, List<CatalogColumn>> columns = byTable(COLUMNS, this::column);
        Map<String, List<CatalogConstraint>> constraints = byTable(CONSTRAINTS, rs -> new CatalogConstraint(
                rs.getString(2), CatalogConstraint.Kind.of(rs.getString(3)), rs.getString(4), rs.getString(5)));
        Map<String, List<CatalogIndex>> indexes = byTable(INDEXES, PostgresDefinitionReader::index);
        Map<String, List<Boolean>> partitioning = byTable(PARTITIONING, rs -> true);
        Map<String, CatalogTable> tables = new TreeMap<>();
        columns.forEach((table, list) -> tables.put(table, new CatalogTable(table, list,
                constraints.getOrDefault(table, List.of()), indexes.getOrDefault(table, List.of()),
                partitioning.containsKey(table))));
        return new PostgresDefinitions(schema, tables, enums(), domains(), sequences());
    }

    private CatalogColumn column(ResultSet rs) throws SQLException {
        String identity = rs.getString(6);
        boolean generated = "s".equals(rs.getString(7));
        String defaultSql = rs.getString(5);
        long lastValue = rs.getLong(8);
        Long sequenceLastValue = rs.wasNull() ? null : lastValue;
        ColumnGeneration generation;
        if (generated) {
            generation = ColumnGeneration.STORED;
        } else if ("a".equals(identity)) {
            generation = ColumnGeneration.IDENTITY_ALWAYS;
        } else if ("d".equals(identity)) {
            generation = ColumnGeneration.IDENTITY_BY_DEFAULT;
        } else if (rs.getBoolean(9) && defaultSql != null && defaultSql.startsWith("nextval(")) {
            generation = ColumnGeneration.SERIAL; // the default names the sequence the column owns (docs §8.1.4)
        } else {
            generation = ColumnGeneration.NONE;
        }
        String typeSchema = rs.getString(10);
        CatalogType userType = typeSchema.equals("pg_catalog") ? null
                : new CatalogType(typeSchema, rs.getString(11), CatalogType.Kind.of(rs.getString(12)));
        return new CatalogColumn(rs.getString(2), rs.getString(3), rs.getBoolean(4),
                generation == ColumnGeneration.SERIAL ? null : defaultSql, generation, sequenceLastValue, userType,
                rs.getBoolean(13), rs.getString(14));
    }

    private static CatalogIndex index(ResultSet rs) throws SQLException {
        String definition = rs.getString(4);
        // "CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING method (…)": keep what follows the table.
        String using = " USING " + rs.getString(5) + " ";
        int at = definition.indexOf(using);
        if (at < 0) {
            throw new SQLException("cannot find \"" + using.trim() + "\" in the definition of index "
                    + rs.getString(2) + ": " + definition);
        }
        return new CatalogIndex(rs.getString(2), rs.getBoolean(3), definition.substring(at + 1));
    }

    private List<CatalogEnum> enums() throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        query(ENUMS, rs -> labels.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2)));
        return labels.entrySet().stream().map(e -> new CatalogEnum(e.getKey(), e.getValue())).toList();
    }

    private List<CatalogDomain> domains() throws SQLException {
        Map<String, CatalogDomain> domains = new LinkedHashMap<>();
        Map<String, List<CatalogConstraint>> checks = new LinkedHashMap<>();
        query(DOMAINS, rs -> {
            String name = rs.getString(1);
            domains.putIfAbsent(name, new CatalogDomain(name, rs.getString(2), rs.getBoolean(3), rs.getString(4),
                    List.of()));
            List<CatalogConstraint> list = checks.computeIfAbsent(name, n -> new ArrayList<>());
            if (rs.getString(5) != null) {
                list.add(new CatalogConstraint(rs.getString(5), CatalogConstraint.Kind.CHECK, rs.getString(6), null));
            }
        });
        return domains.values().stream().map(d -> new CatalogDomain(d.name(), d.baseType(), d.notNull(),
                d.defaultSql(), checks.get(d.name()))).toList();
    }

    private List<CatalogSequence> sequences() throws SQLException {
        List<CatalogSequence> sequences = new ArrayList<>();
        query(SEQUENCES, rs -> {
            long lastValue = rs.getLong(8);
            Long last = rs.wasNull() ? null : lastValue;
            sequences.add(new CatalogSequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getBoolean(7), last));
        });
        return sequences;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Rows grouped by the table name in column 1, in query order. */
    private <T> Map<String, List<T>> byTable(String sql, RowReader<T> reader) throws SQLException {
        Map<String, List<T>> rows = new LinkedHashMap<>();
        query(sql, rs -> rows.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(reader.read(rs)));
        return rows;
    }

    private void query(String sql, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }
}
