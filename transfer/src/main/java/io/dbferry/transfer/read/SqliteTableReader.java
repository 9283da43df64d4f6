package io.dbferry.transfer.read;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.RowN;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Streams every row of one SQLite table through a forward-only cursor.
 *
 * <p>Values keep their SQLite storage class (https://www.sqlite.org/datatype3.html §2): INTEGER as
 * {@link Long}, REAL as {@link Double}, TEXT as {@link String} (read as bytes and decoded strictly: TEXT that is
 * not valid UTF-8 as {@link InvalidUtf8Text}, never with U+FFFD in it), BLOB as {@code byte[]}. A column mapped to
 * {@code jsonb} that holds a SQLite 3.45+ binary JSONB blob is read through {@code json()}, which turns it
 * into JSON text (https://www.sqlite.org/json1.html §3.1). Not thread-safe; one reader per connection.
 */
public final class SqliteTableReader {

    /** Rows sqlite-jdbc steps at a time; SQLite itself always streams. */
    public static final int DEFAULT_FETCH_SIZE = 1_000;

    private final Connection connection;
    private final DSLContext dsl = DSL.using(SQLDialect.SQLITE);

    /**
     * Creates a reader on an open source connection.
     *
     * @param connection a read-only SQLite connection, owned by the caller
     */
    public SqliteTableReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Reads all rows of a table in the order SQLite's table scan returns them.
     *
     * @param table the mapped table whose source columns are read, never null
     * @param sink receives each row, never null
     * @return the number of rows read
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails mid-read, naming the
     *     table and the row count reached; exceptions thrown by {@code sink} pass through unchanged
     */
    public long read(MappedTable table, RowSink sink) {
        return read(table, new ChunkBounds.WholeTable(), sink);
    }

    /**
     * Reads the rows of one chunk of a table: a rowid range is a rowid seek, a key range a primary-key
     * range scan ({@code WHERE (a, b) > (?, ?) AND (a, b) <= (?, ?)}, bounds bound as parameters).
     *
     * @param table the mapped table whose source columns are read, never null
     * @param bounds which rows to read, never null
     * @param sink receives each row, never null
     * @return the number of rows read
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails mid-read, naming the
     *     table, the bounds and the row count reached; exceptions thrown by {@code sink} pass through unchanged
     */
    public long read(MappedTable table, ChunkBounds bounds, RowSink sink) {
        return read(table, condition(bounds), bounds.describe(), sink);
    }

    /**
     * Reads the rows of a table that satisfy a condition, such as an incremental sync's watermark window;
     * values in the condition are bound as parameters.
     *
     * @param table the mapped table whose source columns are read, never null
     * @param where which rows to read, rendered by jOOQ for SQLite; never null
     * @param description the rows in words for messages, e.g. {@code "updated_at >= 1700000000"}; never null
     * @param sink receives each row, never null
     * @return the number of rows read
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails mid-read, naming the
     *     table, the description and the row count reached; exceptions thrown by {@code sink} pass through
     */
    public long read(MappedTable table, Condition where, String description, RowSink sink) {
        Query query = select(table, where);
        int width = table.columns().size();
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(query.getSQL())) {
            bind(statement, query.getBindValues());
            statement.setFetchSize(DEFAULT_FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                Object[] values = new Object[width];
                while (rs.next()) {
                    for (int i = 0; i < width; i++) {
                        values[i] = SqliteValues.readStrict(rs, i + 1);
                    }
                    sink.accept(values);
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed reading " + table.source().id().name()
                    + " (" + description + ") from the source after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    /**
     * The SELECT this reader runs for a table.
     *
     * @param table the mapped table, never null
     * @return SQLite SQL with every identifier quoted by jOOQ, never null
     */
    public String selectSql(MappedTable table) {
        return select(table, DSL.noCondition()).getSQL();
    }

    private Query select(MappedTable table, Condition where) {
        List<Field<?>> fields = table.columns().stream().map(SqliteTableReader::valueField).toList();
        return dsl.select(fields).from(DSL.table(DSL.name(table.source().id().name()))).where(where);
    }

    private static Condition condition(ChunkBounds bounds) {
        return switch (bounds) {
            case ChunkBounds.WholeTable whole -> DSL.noCondition();
            case ChunkBounds.RowidRange range ->
                    DSL.field(DSL.name(range.rowid()), Long.class).between(range.first(), range.last());
            case ChunkBounds.KeyRange range -> {
                RowN key = DSL.row(range.columns().stream().map(c -> DSL.field(DSL.name(c))).toList());
                Condition lower = range.after().isEmpty() ? DSL.noCondition() : key.gt(values(range.after()));
                yield range.through().isEmpty() ? lower : lower.and(key.le(values(range.through())));
            }
        };
    }

    private static RowN values(List<Object> values) {
        return DSL.row(values.stream().map(v -> DSL.val(v)).toList());
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    /**
     * The expression that reads a column's value: the column itself, or for a column mapped to {@code jsonb},
     * SQLite's {@code json()} of a binary JSONB blob, so that every reader of the source sees the same values.
     *
     * @param column the mapped column, never null
     * @return a jOOQ field rendering the expression, never null
     */
    public static Field<?> valueField(MappedColumn column) {
        Field<Object> field = DSL.field(DSL.name(column.source().name()));
        if (column.targetType().type() != PostgresType.JSONB) {
            return field;
        }
        // json_valid(x, 8) is true only for a strictly valid JSONB blob (SQLite 3.45+, json1.html §4.22).
        return DSL.field("case when typeof({0}) = 'blob' and json_valid({0}, 8) then json({0}) else {0} end",
                Object.class, field);
    }
}
