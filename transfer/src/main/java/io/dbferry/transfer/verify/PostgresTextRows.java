package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.TableId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Either side of a PostgreSQL → PostgreSQL verification: both sides hold the same types, so every value is read
 * as PostgreSQL's own text output ({@code column::text}), which is its canonical form once both sessions use the
 * same output settings ({@link #SESSION_SETTINGS}; PostgreSQL docs §20.11.2 "Locale and Formatting"). Integer key
 * columns are ranged as integers; every other key column as its text in the {@code "C"} collation, which both
 * sides and {@link KeyColumns#ORDER} order by code point. A table's own rows are read, without those of tables
 * inheriting from it. Queries run in a transaction with a fetch size, so
 * pgjdbc streams rows through a cursor.
 */
final class PostgresTextRows extends TableRows {

    /**
     * The session settings that decide how values print: UTC for {@code timestamptz}, ISO dates, the default
     * interval style, exact floats, hex {@code bytea}.
     */
    static final List<String> SESSION_SETTINGS = List.of("SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'", "SET extra_float_digits = 3", "SET bytea_output = 'hex'");

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    private static final int FETCH_SIZE = 1_000;

    private final Connection connection;
    private final MappedTable table;
    private final KeyColumns key;
    private final String side;
    private final TableId tableId;
    private final String from;
    private final String select;

    /**
     * Reads one side's table.
     *
     * @param connection the side's connection, never null; its output settings are set here for the session
     * @param table the table pair, never null
     * @param key the key columns, null to read the table only whole (as a multiset)
     * @param source whether this is the source side (reads {@code table.source().id()}) or the target side
     *     (reads {@code table.target()})
     */
    PostgresTextRows(Connection connection, MappedTable table, KeyColumns key, boolean source) {
        this.connection = connection;
        this.table = table;
        this.key = key;
        this.side = source ? "source" : "target";
        this.tableId = source ? table.source().id() : table.target();
        // ONLY: a table's own rows, without those of tables inheriting from it (PostgreSQL docs §5.10), as copied.
        this.from = " from only " + POSTGRES.render(DSL.name(tableId.schema(), tableId.name()));
        this.select = "select " + String.join(", ", table.columns().stream().map(c -> name(c) + "::text").toList())
                + from;
        applySessionSettings();
    }

    @Override
    String select() {
        return select;
    }

    @Override
    KeyPlan plan(int chunkRows) {
        String sql = "select " + String.join(", ", keyExpressions()) + from + " order by "
                + String.join(", ", keyExpressions());
        return query(sql, List.of(), KeyRange.ALL, rs -> {
            List<List<Object>> boundaries = new ArrayList<>();
            for (long row = 0; rs.next(); row++) {
                if (row > 0 && row % chunkRows == 0) {
                    boundaries.add(keyValues(rs, 1));
                }
            }
            return new KeyPlan(boundaries, null);
        });
    }

    @Override
    List<Object> keyAt(KeyRange range, long offset) {
        RangeSql where = where(range);
        List<Object> binds = new ArrayList<>(where.binds());
        binds.add(offset);
        String sql = "select " + String.join(", ", keyExpressions()) + from + where.where() + " order by "
                + String.join(", ", keyExpressions()) + " limit 1 offset ?";
        return query(sql, binds, range, rs -> {
            rs.next();
            return keyValues(rs, 1);
        });
    }

    @Override
    CanonicalRow row(ResultSet rs) throws SQLException {
        int width = table.columns().size();
        List<String> values = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            values.add(rs.getString(i + 1));
        }
        List<Object> keyValues = new ArrayList<>();
        if (key != null) {
            for (KeyColumns.Part part : key.parts()) {
                String text = values.get(part.index());
                keyValues.add(text == null || part.kind() != KeyColumns.Kind.INTEGER ? text : Long.valueOf(text));
            }
        }
        return new CanonicalRow(keyValues, values);
    }

    @Override
    String[] canonicalValues(ResultSet rs) throws SQLException {
        String[] values = new String[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(i + 1);
        }
        return values;
    }

    @Override
    RangeSql where(KeyRange range) {
        return key == null ? new RangeSql("", List.of()) : RangeSql.of(keyExpressions(), range);
    }

    /** The key values of the current row from a column on: {@link Long} for integer keys, else text. */
    private List<Object> keyValues(ResultSet rs, int firstColumn) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < key.parts().size(); i++) {
            values.add(key.parts().get(i).kind() == KeyColumns.Kind.INTEGER ? (Object) rs.getLong(firstColumn + i)
                    : rs.getString(firstColumn + i));
        }
        return values;
    }

    private List<String> keyExpressions() {
        return key.parts().stream().map(p -> p.kind() == KeyColumns.Kind.INTEGER ? name(p.column())
                : name(p.column()) + "::text collate \"C\"").toList();
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

    private void applySessionSettings() {
        try (Statement statement = connection.createStatement()) {
            for (String setting : SESSION_SETTINGS) {
                statement.execute(setting);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed preparing the " + side + " session to read "
                    + tableId + ": " + e.getMessage(), e);
        }
    }

    @Override
    <T> T query(String sql, List<Object> binds, KeyRange range, ResultReader<T> reader) {
        try {
            return PostgresCursor.read(connection, sql, binds, FETCH_SIZE, reader);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading " + tableId + " from the " + side
                    + " (key range " + range + "): " + e.getMessage(), e);
        }
    }
}
