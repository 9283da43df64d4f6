package io.dbferry.transfer.sync;

import java.math.BigDecimal;
import java.time.Duration;
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
            case TIMESTAMP_TEXT -> DSL.field("unixepoch({0}, 'subsec')", Double.class, field);
            case NUMBER -> DSL.field("{0}", Double.class, field);
        };
    }

    /**
     * The rows a run reads: normalised watermark ≥ the stored high-watermark minus the lookback. Greater or
     * equal, not greater: rows that share the high-watermark (or differ from it only below SQLite's
     * millisecond precision) are read again rather than skipped; the upsert writes them only if they changed.
     *
     * @param high the stored normalised high-watermark, never null
     * @param lookback how far back to read again, never null
     * @return a condition with the bound bound as a parameter, never null
     */
    public Condition window(BigDecimal high, Duration lookback) {
        return normalised().ge(DSL.val(lowerBound(high.doubleValue(), lookback)));
    }

    /**
     * The high-watermark minus the lookback, in the column's unit: seconds for text; for numbers seconds,
     * milliseconds or microseconds guessed from the magnitude of the high-watermark.
     */
    double lowerBound(double high, Duration lookback) {
        double seconds = lookback.toNanos() / 1e9;
        if (kind == WatermarkKind.TIMESTAMP_TEXT || Math.abs(high) <= MAX_EPOCH_SECONDS) {
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
                + (kind == WatermarkKind.TIMESTAMP_TEXT ? " (unixepoch seconds)" : "");
    }
}
