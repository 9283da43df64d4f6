package io.dbferry.transfer.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A table's watermark column and how its values are compared.
 *
 * @param column the source column name, never null
 * @param kind how its values are compared, never null
 */
public record Watermark(String column, WatermarkKind kind) {

    /** Numbers up to this are taken as epoch seconds when converting the lookback, above as milliseconds. */
    private static final double MAX_EPOCH_SECONDS = 1e11;
    /** Numbers above this are taken as epoch microseconds. */
    private static final double MAX_EPOCH_MILLIS = 1e14;

    /**
     * How far before the window's lower bound the text range of an {@link WatermarkKind#ISO_TEXT} window starts.
     * The date a value starts with can lie that far before the instant SQLite reads from it: up to 3 days for a
     * day past the month's end ({@code '2023-02-31'} is 2023-03-03), 1 day for {@code 24:00:00}, and 14:59 hours
     * for the largest offset SQLite accepts ({@code -14:59}); 4 days 15 hours in all, rounded up
     * (lang_datefunc.html §2; SQLite's date.c reads the day as 1..31 in every month).
     */
    static final Duration ISO_TEXT_MARGIN = Duration.ofDays(5);

    /** Validates the parts. */
    public Watermark {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The column's value in comparable form: {@code unixepoch(col, 'subsec')} for text (SQLite 3.42+; it
     * accepts every format of lang_datefunc.html §2 and keeps milliseconds), the column itself for numbers.
     *
     * @return a jOOQ field for SQLite, never null
     */
    public Field<Double> normalised() {
        Field<Object> field = DSL.field(DSL.name(column));
        return switch (kind) {
            case ISO_TEXT, TIMESTAMP_TEXT -> DSL.field("unixepoch({0}, 'subsec')", Double.class, field);
            case NUMBER -> DSL.field("{0}", Double.class, field);
        };
    }

    /**
     * The rows a run reads: normalised watermark ≥ the stored high-watermark minus the lookback. Greater or
     * equal, not greater: rows that share the high-watermark (or differ from it only below SQLite's
     * millisecond precision) are read again rather than skipped; the upsert writes them only if they changed.
     * The condition is {@link #candidates} and, for text, the exact comparison of the normalised value, which
     * SQLite then evaluates only on the candidates.
     *
     * @param high the stored normalised high-watermark, never null
     * @param lookback how far back to read again, never null
     * @return a condition with the bounds bound as parameters, never null
     */
    public Condition window(BigDecimal high, Duration lookback) {
        Condition candidates = candidates(high, lookback);
        return kind == WatermarkKind.NUMBER ? candidates
                : candidates.and(normalised().ge(DSL.val(lowerBound(high.doubleValue(), lookback))));
    }

    /**
     * A range on the raw column that holds every row of the {@link #window}, and that an index on the column
     * serves ({@code col >= ?}, https://www.sqlite.org/optoverview.html §2). For numbers the window itself:
     * numbers sort before all text and blobs (https://www.sqlite.org/datatype3.html §4.1), so the range also
     * holds every text or blob value, which {@link WindowScan} finds and refuses. For ISO text, text from the
     * date of (lower bound − {@link #ISO_TEXT_MARGIN}) on: whatever follows the date ({@code T} or a space, a
     * fraction, an offset) the value sorts at or after that prefix, and the bound is text, so neither the column's
     * affinity nor SQLite's conversions before comparison (§4.2) turn it into a number. No condition for other
     * text, which no range bounds.
     *
     * @param high the stored normalised high-watermark, never null
     * @param lookback how far back to read again, never null
     * @return never null; {@link DSL#noCondition()} for {@link WatermarkKind#TIMESTAMP_TEXT}
     */
    public Condition candidates(BigDecimal high, Duration lookback) {
        double lower = lowerBound(high.doubleValue(), lookback);
        Field<Object> field = DSL.field(DSL.name(column));
        return switch (kind) {
            case NUMBER -> field.ge(DSL.val(lower));
            case ISO_TEXT -> field.ge(DSL.val(isoTextStart(lower)));
            case TIMESTAMP_TEXT -> DSL.noCondition();
        };
    }

    /** The {@code YYYY-MM-DD} date, in UTC, {@link #ISO_TEXT_MARGIN} before a time in epoch seconds. */
    static String isoTextStart(double lowerSeconds) {
        Instant start = Instant.ofEpochMilli((long) Math.floor(lowerSeconds * 1000)).minus(ISO_TEXT_MARGIN);
        return DateTimeFormatter.ISO_LOCAL_DATE.format(start.atOffset(ZoneOffset.UTC));
    }

    /**
     * The high-watermark minus the lookback, in the column's unit: seconds for text; for numbers seconds,
     * milliseconds or microseconds guessed from the magnitude of the high-watermark.
     */
    double lowerBound(double high, Duration lookback) {
        double seconds = lookback.toNanos() / 1e9;
        if (kind != WatermarkKind.NUMBER || Math.abs(high) <= MAX_EPOCH_SECONDS) {
            return high - seconds;
        }
        return high - seconds * (Math.abs(high) <= MAX_EPOCH_MILLIS ? 1e3 : 1e6);
    }

    /**
     * The window in words, for messages.
     *
     * @param high the stored normalised high-watermark, never null
     * @param lookback the lookback, never null
     * @return never null
     */
    public String describe(BigDecimal high, Duration lookback) {
        return column + " ≥ " + BigDecimal.valueOf(lowerBound(high.doubleValue(), lookback)).toPlainString()
                + (kind == WatermarkKind.NUMBER ? "" : " (unixepoch seconds)");
    }
}
