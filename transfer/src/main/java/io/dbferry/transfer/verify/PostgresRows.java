package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.TargetType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The target side: rows read through pgjdbc as typed values ({@link PostgresValues}) and made canonical
 * ({@link CanonicalValue#ofTarget}: jsonb's text is canonical as PostgreSQL prints it, so it is not parsed). Text
 * key columns are compared in the {@code "C"} collation, which orders UTF-8 text byte by byte as SQLite's
 * BINARY does. Queries run in a transaction with a fetch size, so pgjdbc streams rows through a cursor
 * instead of holding a whole table in memory (pgjdbc docs, "Getting results based on a cursor").
 */
final class PostgresRows extends TableRows {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    private static final int FETCH_SIZE = 1_000;

    private final Connection connection;
    private final MappedTable table;
    private final KeyColumns key;
    /** Per column, the type its values are made canonical as ({@link TargetColumnTypes#canonicalType}). */
    private final TargetType[] canonicalTypes;
    private final String select;
    /** {@code  from "schema"."table"}. */
    private final String from;
    /**
     * The columns as they are, for {@link #binaryDigest}: {@code to_jsonb()} of a {@code jsonb} column is not
     * free: PostgreSQL rebuilds the value (a third of a binary COPY of the benchmark's orders). A table with a
     * column of another type than the mapping's is not hashed in binary form ({@link TargetColumnTypes}).
     */
    private final String binarySelect;

    /**
     * Rows of a table whose columns have the mapping's types.
     *
     * @param key the key columns, null to read the table only whole (as a multiset)
     */
    PostgresRows(Connection connection, MappedTable table, KeyColumns key) {
        this(connection, table, key, TargetColumnTypes.AS_MAPPED);
    }

    /**
     * @param key the key columns, null to read the table only whole (as a multiset)
     * @param types the columns whose type in this database differs from the mapping's, read so that their
     *     canonical values are comparable (see {@link TargetColumnTypes#zoneDiffers}); never null
     */
    PostgresRows(Connection connection, MappedTable table, KeyColumns key, TargetColumnTypes types) {
        this.connection = connection;
        this.table = table;
        this.key = key;
        this.canonicalTypes = table.columns().stream().map(types::canonicalType).toArray(TargetType[]::new);
        this.from = " from " + POSTGRES.render(DSL.name(table.target().schema(), table.target().name()));
        this.select = "select " + String.join(", ", table.columns().stream().map(c -> value(c, types)).toList())
                + from;
        this.binarySelect = "select " + String.join(", ", table.columns().stream().map(PostgresRows::name).toList())
                + from;
    }

    @Override
    String select() {
        return select;
    }

    @Override
    List<Object> keyAt(KeyRange range, long offset) {
        RangeSql where = where(range);
        List<Object> binds = new ArrayList<>(where.binds());
        binds.add(offset);
        String sql = "select " + String.join(", ", key.parts().stream().map(p -> name(p.column())).toList())
                + from + where.where() + " order by "
                + String.join(", ", keyExpressions()) + " limit 1 offset ?";
        return query(sql, binds, range, rs -> {
            rs.next();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < key.parts().size(); i++) {
                values.add(keyValue(PostgresValues.read(rs, i + 1, key.parts().get(i).column().targetType())));
            }
            return values;
        });
    }

    @Override
    CanonicalRow row(ResultSet rs) throws SQLException {
        Object[] read = new Object[table.columns().size()];
        String[] values = canonicalValues(rs, read);
        List<Object> keyValues = key == null ? List.of()
                : Arrays.asList(key.parts().stream().map(p -> keyValue(read[p.index()])).toArray());
        return new CanonicalRow(keyValues, Arrays.asList(values));
    }

    @Override
    String[] canonicalValues(ResultSet rs) throws SQLException {
        return canonicalValues(rs, new Object[table.columns().size()]);
    }

    /** Reads each value, keeping it in {@code read}, and returns the canonical texts. */
    private String[] canonicalValues(ResultSet rs, Object[] read) throws SQLException {
        String[] values = new String[read.length];
        for (int i = 0; i < read.length; i++) {
            MappedColumn column = table.columns().get(i);
            read[i] = PostgresValues.read(rs, i + 1, column.targetType());
            values[i] = read[i] == null ? null : CanonicalValue.ofTarget(canonicalTypes[i], read[i]);
        }
        return values;
    }

    /**
     * Hashes the rows as PostgreSQL writes them with {@code COPY (SELECT …) TO STDOUT (FORMAT binary)}, the key
     * range's values written into the query as literals (COPY takes no parameters).
     */
    @Override
    ChunkDigest binaryDigest(KeyRange range) {
        String where = key == null ? "" : RangeSql.inlined(keyExpressions(), range, PostgresRows::literal);
        try {
            return BinaryDigests.copyOut(connection, binarySelect + where);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading " + table.target()
                    + " from PostgreSQL (key range " + range + "): " + e.getMessage(), e);
        }
    }

    /**
     * A key value as a PostgreSQL literal: an integer's digits, else an escape string constant (PostgreSQL docs
     * §4.1.2.2), which reads the same whatever {@code standard_conforming_strings} says; its type, text or uuid,
     * comes from the key column it is compared with.
     */
    private static String literal(Object value) {
        if (value instanceof Long number) {
            return number.toString();
        }
        return "E'" + ((String) value).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A key value as {@link KeyColumns} holds it: {@link Long}, or {@link String} for text and UUIDs. */
    private static Object keyValue(Object value) {
        return value instanceof UUID u ? u.toString() : value;
    }

    @Override
    RangeSql where(KeyRange range) {
        if (key == null) {
            return new RangeSql("", List.of());
        }
        RangeSql sql = RangeSql.of(keyExpressions(), range);
        return new RangeSql(sql.where(), jdbcValues(sql.binds()));
    }

    private List<String> keyExpressions() {
        return key.parts().stream()
                .map(p -> name(p.column()) + (p.kind() == KeyColumns.Kind.TEXT ? " collate \"C\"" : "")).toList();
    }

    /**
     * A column as read for comparison. A {@code double precision} column is cast to {@code float8} and a
     * {@code jsonb} one passed through {@code to_jsonb()}: no-ops on such columns, but a PostgreSQL source compared
     * with SQLite has {@code real} columns, whose float pgjdbc would read as text or binary depending on the
     * statement, and array and {@code json} columns, which SQLite holds as JSON (see {@code SqliteType}).
     */
    private static String value(MappedColumn column, TargetColumnTypes types) {
        if (types.zoneDiffers(column)) {
            return "(" + name(column) + " at time zone 'UTC')";
        }
        return switch (column.targetType().type()) {
            case DOUBLE_PRECISION -> name(column) + "::float8";
            case JSONB -> "to_jsonb(" + name(column) + ")";
            default -> name(column);
        };
    }

    @Override
    String from() {
        return from;
    }

    @Override
    List<String> keyColumnNames() {
        return key == null ? List.of() : key.parts().stream().map(p -> name(p.column())).toList();
    }

    private static String name(MappedColumn column) {
        return POSTGRES.render(DSL.name(column.targetName()));
    }

    /** The bind values as pgjdbc takes them: UUID key values as {@link UUID}, so they compare as uuid. */
    private List<Object> jdbcValues(List<Object> keyValues) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keyValues.size(); i++) {
            boolean uuid = key.parts().get(i % key.parts().size()).kind() == KeyColumns.Kind.UUID;
            values.add(uuid ? UUID.fromString((String) keyValues.get(i)) : keyValues.get(i));
        }
        return values;
    }

    @Override
    <T> T query(String sql, List<Object> binds, KeyRange range, ResultReader<T> reader) {
        try {
            return PostgresCursor.read(connection, sql, binds, FETCH_SIZE, reader);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading " + table.target()
                    + " from PostgreSQL (key range " + range + "): " + e.getMessage(), e);
        }
    }
}
