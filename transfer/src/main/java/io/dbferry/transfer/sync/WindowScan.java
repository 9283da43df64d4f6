package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The scan of one incremental run's window, once a table's first sync found how its watermark is stored
 * ({@link WatermarkKind#ISO_TEXT} or {@link WatermarkKind#NUMBER}): it reads only the {@link Watermark#candidates}
 * (through an index on the column, when the source has one) and two index probes, so its cost follows the
 * rows that changed, not the table. The values before the window were checked by earlier runs. What it checks:
 * <ul>
 *   <li>the candidates' storage classes and formats, as the census does: a blob, unparseable text, or for a
 *       numeric column any text at all (text sorts after every number, so it is always among the candidates);
 *   <li>numbers in an ISO text column: {@code col < ''} holds exactly the numbers, since numbers sort before
 *       all text (https://www.sqlite.org/datatype3.html §4.1) and {@code ''} is the lowest text;
 *   <li>the table's NULL watermarks, counted each run ({@code col IS NULL}).
 * </ul>
 * Not seen: text in a format without a leading date (a time of day alone, a Julian day number) written to an
 * ISO text column after its first sync, when it sorts before the window's text range. Stateless.
 */
final class WindowScan {

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);

    private WindowScan() {}

    /**
     * Scans a run's window.
     *
     * @param source an open SQLite connection, in the run's read transaction
     * @param table the source table name, never null
     * @param watermark the column and its kind from the table's state: ISO text or numbers
     * @param high the stored normalised high-watermark, never null
     * @param lookback the lookback, never null
     * @return the counts of the candidates, plus the table's NULLs and (ISO text) numbers; the highest value in
     *     the window, null when the window is empty; never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails
     */
    static WatermarkScan of(Connection source, String table, Watermark watermark, BigDecimal high, Duration lookback) {
        Query window = query(table, watermark, high, lookback);
        WatermarkScan scan = WatermarkScan.run(source, window, table, watermark.column());
        Field<Object> column = DSL.field(DSL.name(watermark.column()));
        long nulls = count(source, table, column.isNull(), "NULL watermarks");
        long numbers = watermark.kind() == WatermarkKind.ISO_TEXT
                ? count(source, table, column.lt(DSL.val("")), "numeric watermarks") : 0;
        return scan.plus(nulls, numbers);
    }

    /** The window query: the census' counts over the candidates, the highest comparable value in the window. */
    static Query query(String table, Watermark watermark, BigDecimal high, Duration lookback) {
        Field<Double> comparable = WatermarkScan.comparable(watermark.column());
        double lower = watermark.lowerBound(high.doubleValue(), lookback);
        Field<Double> inWindow = DSL.when(comparable.ge(DSL.val(lower)), comparable);
        return WatermarkScan.select(watermark.column(), DSL.max(inWindow)).from(table(table))
                .where(watermark.candidates(high, lookback));
    }

    private static long count(Connection source, String table, Condition where, String what) {
        Query query = SQLITE.selectCount().from(table(table)).where(where);
        try (PreparedStatement statement = source.prepareStatement(query.getSQL())) {
            WatermarkScan.bind(statement, query.getBindValues());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed counting the " + what + " of \"" + table
                    + "\" in the source: " + e.getMessage(), e);
        }
    }

    private static Table<?> table(String name) {
        return DSL.table(DSL.name(name));
    }
}
