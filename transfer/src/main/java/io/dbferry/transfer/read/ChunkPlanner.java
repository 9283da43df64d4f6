package io.dbferry.transfer.read;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Splits a SQLite table into {@link Chunk}s of about {@code chunkRows} rows, so that several readers and
 * writers can move one table at once, each chunk in its own transaction.
 *
 * <ul>
 *   <li>A table of at most {@code chunkRows} rows is one chunk.
 *   <li>A rowid table is split by rowid value (https://www.sqlite.org/rowidtable.html): {@code min},
 *       {@code max} and {@code count(*)} give the number of chunks and equal-width ranges between min and
 *       max — cheap, since SQLite finds min and max of the rowid in its b-tree without a scan. Gaps only make
 *       some ranges hold fewer rows. When the rowids are sparse (fewer rows than half the range), equal
 *       widths would pile most rows into a few chunks, so the boundaries are read instead, as below.
 *   <li>A WITHOUT ROWID table (https://www.sqlite.org/withoutrowid.html) is split by primary key: every
 *       {@code chunkRows}-th key in key order, from one scan with {@code row_number()} (window functions,
 *       SQLite 3.25+). Chunks compare the key as a row value (SQLite 3.15+), in the columns' own collation,
 *       the same order the boundaries were read in, so every row falls in exactly one chunk.
 *   <li>A table whose rowid every name of ({@code rowid}, {@code _rowid_}, {@code oid}) is shadowed by a
 *       column is one chunk.
 * </ul>
 * The first and last chunks are open-ended. Stateless apart from the connection; not thread-safe.
 */
public final class ChunkPlanner {

    private static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");

    private final Connection connection;
    private final DSLContext dsl = DSL.using(SQLDialect.SQLITE);

    /**
     * Creates a planner on a source connection.
     *
     * @param connection a read-only SQLite connection, owned by the caller
     */
    public ChunkPlanner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Plans the chunks of a table.
     *
     * @param table the source table, never null
     * @param chunkRows about how many rows a chunk holds, ≥ 1
     * @return the chunks in key order, never empty; exactly one for an empty or small table
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails, naming the table
     */
    public List<Chunk> plan(Table table, long chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be ≥ 1, was " + chunkRows);
        }
        try {
            if (table.withoutRowid() && table.primaryKey() != null) {
                return byKey(table, table.primaryKey().columns(), chunkRows);
            }
            String rowid = rowidName(table);
            return rowid == null ? List.of(whole(table, count(table))) : byRowid(table, rowid, chunkRows);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed planning the chunks of "
                    + table.id().name() + " on the source: " + e.getMessage(), e);
        }
    }

    private List<Chunk> byRowid(Table table, String rowid, long chunkRows) throws SQLException {
        Field<Object> key = DSL.field(DSL.name(rowid));
        long[] stats = longs(dsl.select(DSL.min(key), DSL.max(key), DSL.count()).from(source(table)), 3);
        long min = stats[0];
        long max = stats[1];
        long rows = stats[2];
        if (rows <= chunkRows) {
            return List.of(whole(table, rows));
        }
        int chunks = (int) Math.min(Integer.MAX_VALUE, (rows + chunkRows - 1) / chunkRows);
        double span = (double) max - (double) min + 1;
        if (span > 2.0 * rows) {
            return fromBoundaries(table, List.of(rowid), boundaries(table, List.of(rowid), chunkRows, rows), rows,
                    chunkRows);
        }
        long width = (long) Math.ceil(span / chunks);
        List<Chunk> plan = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            long first = i == 0 ? Long.MIN_VALUE : min + i * width;
            long last = i == chunks - 1 ? Long.MAX_VALUE : min + (i + 1) * width - 1;
            plan.add(new Chunk(table.id(), i, chunks, new ChunkBounds.RowidRange(rowid, first, last), rows / chunks));
        }
        return plan;
    }

    private List<Chunk> byKey(Table table, List<String> key, long chunkRows) throws SQLException {
        long rows = count(table);
        if (rows <= chunkRows) {
            return List.of(whole(table, rows));
        }
        return fromBoundaries(table, key, boundaries(table, key, chunkRows, rows), rows, chunkRows);
    }

    /**
     * Chunks between boundary keys: {@code (−∞, b1], (b1, b2], …, (bn, +∞)}. Rowid boundaries become
     * rowid ranges, so their reads are rowid seeks.
     */
    private static List<Chunk> fromBoundaries(Table table, List<String> key, List<List<Object>> boundaries,
            long rows, long chunkRows) {
        int count = boundaries.size() + 1;
        List<Chunk> plan = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Object> after = i == 0 ? List.of() : boundaries.get(i - 1);
            List<Object> through = i == count - 1 ? List.of() : boundaries.get(i);
            long estimate = i == count - 1 ? Math.max(0, rows - chunkRows * (count - 1)) : chunkRows;
            plan.add(new Chunk(table.id(), i, count, bounds(table, key, after, through), estimate));
        }
        return plan;
    }

    private static ChunkBounds bounds(Table table, List<String> key, List<Object> after, List<Object> through) {
        if (table.withoutRowid()) {
            return new ChunkBounds.KeyRange(key, after, through);
        }
        long first = after.isEmpty() ? Long.MIN_VALUE : (Long) after.getFirst() + 1;
        long last = through.isEmpty() ? Long.MAX_VALUE : (Long) through.getFirst();
        return new ChunkBounds.RowidRange(key.getFirst(), first, last);
    }

    /** Every {@code chunkRows}-th key in key order, the last row's key excluded. */
    private List<List<Object>> boundaries(Table table, List<String> key, long chunkRows, long rows)
            throws SQLException {
        List<Field<Object>> fields = key.stream().map(c -> DSL.field(DSL.name(c))).toList();
        // The key columns get plain aliases: a derived table's column named "rowid" would be ambiguous.
        List<Field<?>> aliased = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            aliased.add(fields.get(i).as("dbferry_key_" + i));
        }
        aliased.add(DSL.rowNumber().over(DSL.orderBy(fields)).as("dbferry_position"));
        var numbered = dsl.select(aliased).from(source(table)).asTable("numbered");
        Field<Long> n = DSL.field(DSL.name("numbered", "dbferry_position"), Long.class);
        List<Field<Object>> keys = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            keys.add(DSL.field(DSL.name("numbered", "dbferry_key_" + i)));
        }
        Query query = dsl.select(keys).from(numbered)
                .where(n.mod(DSL.val(chunkRows)).eq(DSL.inline(0L)).and(n.lt(DSL.val(rows))))
                .orderBy(n);
        List<List<Object>> boundaries = new ArrayList<>();
        try (PreparedStatement statement = prepare(query); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    values.add(SqliteValues.read(rs, i));
                }
                boundaries.add(values);
            }
        }
        return boundaries;
    }

    private long count(Table table) throws SQLException {
        return longs(dsl.selectCount().from(source(table)), 1)[0];
    }

    private long[] longs(Query query, int width) throws SQLException {
        try (PreparedStatement statement = prepare(query); ResultSet rs = statement.executeQuery()) {
            rs.next();
            long[] values = new long[width];
            for (int i = 0; i < width; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }

    private PreparedStatement prepare(Query query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.getSQL());
        List<Object> binds = query.getBindValues();
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, binds.get(i));
        }
        return statement;
    }

    private static Chunk whole(Table table, long rows) {
        return new Chunk(table.id(), 0, 1, new ChunkBounds.WholeTable(), rows);
    }

    private static org.jooq.Table<?> source(Table table) {
        return DSL.table(DSL.name(table.id().name()));
    }

    /** The first rowid name no column shadows, or null when every one is a column's name. */
    private static String rowidName(Table table) {
        List<String> columns = table.columns().stream().map(Column::name)
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return ROWID_NAMES.stream().filter(n -> !columns.contains(n)).findFirst().orElse(null);
    }
}
