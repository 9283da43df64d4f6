package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What one scan of a table's watermark column found: how its values are stored, how many cannot be compared,
 * and the highest. Text is checked with SQLite's own parser ({@code unixepoch(col, 'subsec') IS NULL} for text
 * it does not accept), so mixed formats are fine and only unparseable text, blobs, or numbers mixed with text
 * refuse the table.
 *
 * @param column the watermark column, never null
 * @param rows the table's rows
 * @param nulls rows whose watermark is NULL: never read by an incremental run
 * @param numbers rows whose watermark is an INTEGER or REAL
 * @param texts rows whose watermark is TEXT
 * @param unparseable TEXT watermarks SQLite's date functions do not accept
 * @param blobs rows whose watermark is a BLOB
 * @param highSource the highest watermark exactly as the source stores it (of the rows at the highest instant,
 *     which SQLite resolves to milliseconds, any one), null when every row is NULL
 * @param highNormalised the highest watermark in comparable form, null when every row is NULL
 */
public record WatermarkScan(String column, long rows, long nulls, long numbers, long texts, long unparseable,
        long blobs, String highSource, BigDecimal highNormalised) {

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);

    /**
     * Scans a table's watermark column in one pass.
     *
     * @param source an open SQLite connection; scan and read in one transaction to see one snapshot
     * @param table the source table name, never null
     * @param column the watermark column, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    public static WatermarkScan of(Connection source, String table, String column) {
        Field<Object> c = DSL.field(DSL.name(column));
        Field<Double> parsed = new Watermark(column, WatermarkKind.TIMESTAMP_TEXT).normalised();
        Field<String> type = DSL.field("typeof({0})", String.class, c);
        Field<Double> comparable = DSL.when(type.eq("text"), parsed).otherwise(DSL.field("{0}", Double.class, c));
        // With exactly one max() in the query, SQLite takes the bare column from the row holding the maximum
        // (https://www.sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query).
        Query query = SQLITE.select(DSL.field("cast({0} as text)", String.class, c), DSL.max(comparable),
                DSL.count(), DSL.count().filterWhere(c.isNull()),
                DSL.count().filterWhere(type.in("integer", "real")), DSL.count().filterWhere(type.eq("text")),
                DSL.count().filterWhere(type.eq("text").and(parsed.isNull())),
                DSL.count().filterWhere(type.eq("blob")))
                .from(DSL.table(DSL.name(table)));
        try (PreparedStatement statement = source.prepareStatement(query.getSQL())) {
            List<Object> values = query.getBindValues();
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return read(statement, column);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed scanning the watermark column \"" + column
                    + "\" of \"" + table + "\" in the source: " + e.getMessage(), e);
        }
    }

    private static WatermarkScan read(PreparedStatement statement, String column) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            double high = rs.getDouble(2);
            BigDecimal highNormalised = rs.wasNull() ? null : BigDecimal.valueOf(high);
            return new WatermarkScan(column, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8), highNormalised == null ? null : rs.getString(1), highNormalised);
        }
    }

    /**
     * How this column's values are compared, or why they cannot be.
     *
     * @param table the source table name, for the message; never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SYNC_REFUSED} when values are blobs, unparseable text, or
     *     text and numbers mixed: {@code >} between them would skip or repeat rows
     */
    public WatermarkKind kind(String table) {
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
        return numbers > 0 ? WatermarkKind.NUMBER : WatermarkKind.TIMESTAMP_TEXT;
    }

    private static DbferryException refused(String what) {
        return new DbferryException(ErrorCode.SYNC_REFUSED, what + "; it cannot be synced incrementally. "
                + "Store one format in the source, choose another column with --table-watermark, or reload "
                + "the table each run with --full-refresh");
    }
}
