package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/**
 * What a scan of a table's watermark column found: how its values are stored, how many cannot be compared,
 * and the highest. Either the census of the whole column ({@link #of}, a table's first sync) or of one run's
 * window ({@link WindowScan}). Text is checked with SQLite's own parser ({@code unixepoch(col, 'subsec') IS
 * NULL} for text it does not accept), so mixed formats are fine and only unparseable text, blobs, or numbers
 * mixed with text refuse the table.
 *
 * @param column the watermark column, never null
 * @param rows the rows scanned
 * @param nulls rows of the table whose watermark is NULL: never read by an incremental run
 * @param numbers rows whose watermark is an INTEGER or REAL
 * @param texts rows whose watermark is TEXT
 * @param isoTexts of those, the ones starting with a {@code YYYY-MM-DD} date ({@link WatermarkKind#ISO_TEXT})
 * @param unparseable TEXT watermarks SQLite's date functions do not accept
 * @param blobs rows whose watermark is a BLOB
 * @param highSource the highest watermark exactly as the source stores it (of the rows at the highest instant,
 *     which SQLite resolves to milliseconds, any one), null when the scan found none
 * @param highNormalised the highest watermark in comparable form, null when the scan found none
 */
public record WatermarkScan(String column, long rows, long nulls, long numbers, long texts, long isoTexts,
        long unparseable, long blobs, String highSource, BigDecimal highNormalised) {

    /** Text that starts with a date: four digits, two, two (https://www.sqlite.org/lang_corefunc.html#glob). */
    static final String ISO_DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*";

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);

    /**
     * Scans a table's whole watermark column in one pass.
     *
     * @param source an open SQLite connection; scan and read in one transaction to see one snapshot
     * @param table the source table name, never null
     * @param column the watermark column, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    public static WatermarkScan of(Connection source, String table, String column) {
        Query query = select(column, DSL.max(comparable(column))).from(DSL.table(DSL.name(table)));
        return run(source, query, table, column);
    }

    /**
     * The value in comparable form whatever its storage class: {@code unixepoch(col, 'subsec')} for text, the
     * value itself otherwise.
     */
    static Field<Double> comparable(String column) {
        Field<Object> c = DSL.field(DSL.name(column));
        Field<Double> parsed = new Watermark(column, WatermarkKind.TIMESTAMP_TEXT).normalised();
        return DSL.when(type(c).eq("text"), parsed).otherwise(DSL.field("{0}", Double.class, c));
    }

    /**
     * The SELECT list of a scan: the highest value as stored, {@code highest}, and the counts in the order of
     * this record's components.
     */
    static SelectSelectStep<? extends Record> select(String column, Field<Double> highest) {
        Field<Object> c = DSL.field(DSL.name(column));
        Field<Double> parsed = new Watermark(column, WatermarkKind.TIMESTAMP_TEXT).normalised();
        Field<String> type = type(c);
        // With exactly one max() in the query, SQLite takes the bare column from the row holding the maximum
        // (https://www.sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query).
        return SQLITE.select(DSL.field("cast({0} as text)", String.class, c), highest,
                DSL.count(), DSL.count().filterWhere(c.isNull()),
                DSL.count().filterWhere(type.in("integer", "real")), DSL.count().filterWhere(type.eq("text")),
                DSL.count().filterWhere(type.eq("text").and(DSL.condition("{0} glob {1}", c, ISO_DATE_GLOB))),
                DSL.count().filterWhere(type.eq("text").and(parsed.isNull())),
                DSL.count().filterWhere(type.eq("blob")));
    }

    /** Runs a query built on {@link #select} and reads its one row. */
    static WatermarkScan run(Connection source, Query query, String table, String column) {
        try (PreparedStatement statement = source.prepareStatement(query.getSQL())) {
            bind(statement, query.getBindValues());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                double high = rs.getDouble(2);
                BigDecimal highNormalised = rs.wasNull() ? null : BigDecimal.valueOf(high);
                return new WatermarkScan(column, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        highNormalised == null ? null : rs.getString(1), highNormalised);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed scanning the watermark column \"" + column
                    + "\" of \"" + table + "\" in the source: " + e.getMessage(), e);
        }
    }

    static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    private static Field<String> type(Field<Object> column) {
        return DSL.field("typeof({0})", String.class, column);
    }

    /**
     * The same scan with the NULLs and numbers counted outside it (a window does not hold them).
     *
     * @param tableNulls the table's rows with a NULL watermark
     * @param moreNumbers numeric watermarks outside the window
     * @return never null
     */
    WatermarkScan plus(long tableNulls, long moreNumbers) {
        return new WatermarkScan(column, rows, nulls + tableNulls, numbers + moreNumbers, texts, isoTexts,
                unparseable, blobs, highSource, highNormalised);
    }

    /**
     * How this column's values are compared, or why they cannot be; {@link WatermarkKind#TIMESTAMP_TEXT} when the
     * scan found no value at all.
     *
     * @param table the source table name, for the message; never null
     * @return never null
     * @throws DbferryException as {@link #kind(String, WatermarkKind)}
     */
    public WatermarkKind kind(String table) {
        return kind(table, WatermarkKind.TIMESTAMP_TEXT);
    }

    /**
     * How this column's values are compared, or why they cannot be.
     *
     * @param table the source table name, for the message; never null
     * @param whenEmpty the kind when the scan found no value (an empty window keeps the kind the state knows),
     *     never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SYNC_REFUSED} when values are blobs, unparseable text, or
     *     text and numbers mixed: {@code >} between them would skip or repeat rows
     */
    public WatermarkKind kind(String table, WatermarkKind whenEmpty) {
        String where = "the watermark column \"" + column + "\" of \"" + table + "\"";
        if (blobs > 0) {
            throw refused(where + " holds " + blobs + " BLOB values, which are not points in time");
        }
        if (unparseable > 0) {
            throw refused(where + " holds " + unparseable + " text values SQLite cannot read as a date and time "
                    + "(see https://www.sqlite.org/lang_datefunc.html for the accepted formats)");
        }
        if (texts > 0 && numbers > 0) {
            throw refused(where + " mixes " + texts + " text and " + numbers + " numeric values, which do not "
                    + "compare as the same clock");
        }
        if (numbers > 0) {
            return WatermarkKind.NUMBER;
        }
        if (texts > 0) {
            return isoTexts == texts ? WatermarkKind.ISO_TEXT : WatermarkKind.TIMESTAMP_TEXT;
        }
        return Objects.requireNonNull(whenEmpty, "whenEmpty");
    }

    private static DbferryException refused(String what) {
        return new DbferryException(ErrorCode.SYNC_REFUSED, what + "; it cannot be synced incrementally. "
                + "Store one format in the source, choose another column with --table-watermark, or reload "
                + "the table each run with --full-refresh");
    }
}
