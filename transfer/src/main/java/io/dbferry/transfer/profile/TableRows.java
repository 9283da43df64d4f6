package io.dbferry.transfer.profile;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.model.Column;
import io.dbferry.transfer.connect.SqliteSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads the rows of one SQLite table for the profile: each column beside its {@code typeof()}, plus the
 * rowid, in rowid order (primary-key order for a {@code WITHOUT ROWID} table). Values are read by their storage
 * class ({@link SourceValue#read}), TEXT as raw bytes, so invalid UTF-8 is seen rather than replaced. A column
 * mapped to {@code jsonb} that holds a binary JSONB blob is read through {@code json()}, as
 * {@code SqliteTableReader} does (https://www.sqlite.org/json1.html §3.1). Identifiers are quoted by jOOQ,
 * values bound. Not thread-safe; the connection is owned by the caller.
 */
final class TableRows {

    /** The rowid's names, each usable unless a column takes it (https://www.sqlite.org/lang_createtable.html#rowid). */
    private static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");
    private static final int FETCH_SIZE = 1_000;

    private final Connection connection;
    private final MappedTable table;
    private final DSLContext dsl = DSL.using(SQLDialect.SQLITE);
    private final String rowidName;
    private final List<Integer> primaryKey;
    private final RowKeys keys;
    /** The last row of a scan that stopped at its limit; null when the scan read every row. */
    private ProfiledRow lastSampled;

    /**
     * Prepares reading a table.
     *
     * @param connection an open SQLite connection, owned by the caller
     * @param table the mapped table whose source is read, never null
     */
    TableRows(Connection connection, MappedTable table) {
        this.connection = connection;
        this.table = table;
        this.rowidName = table.source().withoutRowid() ? null : freeRowidName(table.source().columns());
        this.primaryKey = table.source().primaryKey() == null ? List.of()
                : table.source().primaryKey().columns().stream().map(this::index).toList();
        this.keys = new RowKeys(table.columns(), primaryKey, rowidName);
    }

    /** The source table's name. */
    String name() {
        return table.source().id().name();
    }

    /** Whether rows have a reachable rowid. */
    boolean hasRowid() {
        return rowidName != null;
    }

    /**
     * The 0-based index of a source column.
     *
     * @param sourceColumn the column name as declared, case-insensitive as in SQLite
     * @return the index
     * @throws IllegalArgumentException when the table has no such column
     */
    int index(String sourceColumn) {
        List<MappedColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).source().name().equalsIgnoreCase(sourceColumn)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name() + " has no column " + sourceColumn);
    }

    /** The table as a jOOQ table, by its quoted name. */
    private Table<?> sqlTable() {
        return DSL.table(DSL.name(name()));
    }

    /**
     * A column qualified by the table name, for correlated subqueries.
     *
     * @param index the 0-based column index
     * @return never null
     */
    Field<Object> qualifiedField(int index) {
        return DSL.field(DSL.name(name(), table.columns().get(index).source().name()));
    }

    /**
     * Reads the rows in order, at most {@code limit} of them.
     *
     * @param limit the most rows to read, 0 for all
     * @param sink receives each row, never null
     * @return the rows read, ≥ 0
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    long scan(long limit, Consumer<ProfiledRow> sink) {
        var select = select(DSL.trueCondition()).orderBy(order());
        ProfiledRow[] last = new ProfiledRow[1];
        long rows = read(limit > 0 ? select.limit(limit) : select, row -> {
            sink.accept(row);
            last[0] = row;
        });
        lastSampled = limit > 0 && rows == limit ? last[0] : null;
        return rows;
    }

    /**
     * The rows the last {@link #scan} covered: every row, or those up to the last one read.
     *
     * @return never null
     */
    Condition scanned() {
        return lastSampled == null ? DSL.trueCondition() : upTo(lastSampled);
    }

    /**
     * Whether the last {@link #scan} covered the row with this rowid.
     *
     * @param rowid a rowid of this table
     * @return true when every row was scanned or the rowid is at most the last one read
     */
    boolean scanned(long rowid) {
        return lastSampled == null || lastSampled.rowid() == null || rowid <= lastSampled.rowid();
    }

    /**
     * Reads the rows matching a condition, in no particular order.
     *
     * @param condition over the table's unqualified columns, never null
     * @param sink receives each row, never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    void where(Condition condition, Consumer<ProfiledRow> sink) {
        read(select(condition), sink);
    }

    /**
     * Reads one row again.
     *
     * @param locator never null
     * @return the row, empty when it no longer exists or the locator is empty (a table without a reachable
     *     rowid and without a primary key)
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    Optional<ProfiledRow> find(RowLocator locator) {
        if (locator.rowid() == null && locator.primaryKey().isEmpty()) {
            return Optional.empty();
        }
        List<ProfiledRow> found = new ArrayList<>(1);
        where(at(locator), found::add);
        return found.stream().findFirst();
    }

    /** How rows of this table are named in examples and found again. */
    RowKeys keys() {
        return keys;
    }

    private SelectConditionStep<?> select(Condition condition) {
        List<Field<?>> fields = new ArrayList<>();
        for (MappedColumn column : table.columns()) {
            Field<Object> field = DSL.field(DSL.name(column.source().name()));
            fields.add(valueField(column, field));
            fields.add(DSL.function("typeof", String.class, field));
        }
        if (rowidName != null) {
            fields.add(rowid());
        }
        return dsl.select(fields).from(sqlTable()).where(condition);
    }

    private static Field<?> valueField(MappedColumn column, Field<Object> field) {
        if (column.targetType().type() != PostgresType.JSONB) {
            return field;
        }
        // json_valid(x, 8) is true only for a strictly valid JSONB blob (SQLite 3.45+, json1.html §4.22).
        return DSL.field("case when typeof({0}) = 'blob' and json_valid({0}, 8) then json({0}) else {0} end",
                Object.class, field);
    }

    private Field<Object> rowid() {
        return DSL.field(DSL.name(rowidName));
    }

    private List<SortField<Object>> order() {
        if (rowidName != null) {
            return List.of(rowid().asc());
        }
        return primaryKey.stream().map(i -> DSL.field(DSL.name(table.columns().get(i).source().name())).asc())
                .toList();
    }

    private Condition at(RowLocator locator) {
        if (locator.rowid() != null) {
            return rowid().eq(DSL.val(locator.rowid()));
        }
        return keyEquals(locator.bindValues());
    }

    private Condition keyEquals(List<Object> values) {
        Condition condition = DSL.trueCondition();
        for (int k = 0; k < primaryKey.size(); k++) {
            String column = table.columns().get(primaryKey.get(k)).source().name();
            condition = condition.and(DSL.field(DSL.name(column)).eq(DSL.val(values.get(k))));
        }
        return condition;
    }

    /** The rows up to and including {@code last} in scan order. */
    private Condition upTo(ProfiledRow last) {
        if (last.rowid() != null) {
            return rowid().le(DSL.val(last.rowid()));
        }
        List<Field<?>> key = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Object value : keys.locator(last).bindValues()) {
            values.add(DSL.val(value));
        }
        primaryKey.forEach(i -> key.add(DSL.field(DSL.name(table.columns().get(i).source().name()))));
        return DSL.row(key).le(DSL.row(values));
    }

    /** Runs a query built by {@link #select}, returning the rows read. */
    private long read(Query query, Consumer<ProfiledRow> sink) {
        int width = table.columns().size();
        long rows = 0;
        try (PreparedStatement statement = prepare(query)) {
            boolean utf16 = SqliteSource.isUtf16(connection);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    SourceValue[] values = new SourceValue[width];
                    for (int i = 0; i < width; i++) {
                        values[i] = SourceValue.read(rs, 2 * i + 1, utf16);
                    }
                    Long rowid = rowidName == null ? null : rs.getLong(2 * width + 1);
                    sink.accept(new ProfiledRow(List.of(values), rowid));
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed profiling the values of " + name()
                    + " in the source after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(Query query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.getSQL());
        List<Object> values = query.getBindValues();
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    private static String freeRowidName(List<Column> columns) {
        return ROWID_NAMES.stream()
                .filter(n -> columns.stream().noneMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(n)))
                .findFirst().orElse(null);
    }
}
