package io.dbferry.transfer.transform;

import java.time.LocalDate;

/**
 * Converts a SQLite time value to {@code date} ({@link LocalDate}).
 *
 * <p>Accepts what {@link TimestampTransform} accepts — TEXT dates with an optional time and zone, Julian
 * day numbers, Unix seconds and milliseconds, or numbers in the unit a cast rule names — and keeps the date
 * of the UTC result when its time of day is midnight. A value with any other time of day is
 * {@link RejectReason#LOSSY_CONVERSION}: a date column would drop it.
 * Anything else is {@link RejectReason#INVALID_DATE}; a BLOB is
 * {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}. Stateless and thread-safe.
 */
public final class DateTransform extends PointInTimeTransform {

    /** Creates the transform that detects the unit of numbers automatically. */
    public DateTransform() {
        this(TimeNumberUnit.AUTO);
    }

    /** Creates the transform reading numbers in {@code unit}. */
    DateTransform(TimeNumberUnit unit) {
        super(unit, "date", RejectReason.INVALID_DATE, "a date");
    }

    @Override
    TransformResult fromMicros(Object value, long micros) {
        if (Math.floorMod(micros, TimeText.MICROS_PER_DAY) != 0) {
            return TransformResult.rejected(RejectReason.LOSSY_CONVERSION, Rejections.quote(value) + " is "
                    + TimestampTransform.toLocalDateTime(micros) + " UTC, whose time of day a date column would"
                    + " drop");
        }
        return TransformResult.converted(LocalDate.ofEpochDay(Math.floorDiv(micros, TimeText.MICROS_PER_DAY)));
    }
}
