package io.dbferry.transfer.transform;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Converts a SQLite time value to {@code timestamp} ({@link LocalDateTime}, UTC wall-clock time).
 *
 * <ul>
 *   <li>TEXT: the forms SQLite's date functions accept with a date (see {@link TimeText}); an offset is
 *       converted to UTC. A time of day alone is rejected rather than dated 2000-01-01 as SQLite would.
 *       Text that is a number is read like the number.
 *   <li>INTEGER and REAL: a Julian day number, Unix seconds or (integers only) Unix milliseconds, as
 *       {@link TimeNumber} describes; or strictly in the unit a cast rule names ({@link TimeNumberUnit}).
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Anything else is {@link RejectReason#INVALID_TIMESTAMP}. Stateless and thread-safe.
 */
public final class TimestampTransform extends PointInTimeTransform {

    /** Creates the transform that detects the unit of numbers automatically. */
    public TimestampTransform() {
        this(TimeNumberUnit.AUTO);
    }

    /** Creates the transform reading numbers in {@code unit}. */
    TimestampTransform(TimeNumberUnit unit) {
        super(unit, "timestamp", RejectReason.INVALID_TIMESTAMP, "a timestamp");
    }

    @Override
    TransformResult fromMicros(Object value, long micros) {
        return TransformResult.converted(toLocalDateTime(micros));
    }

    /**
     * The UTC wall-clock time of an instant.
     *
     * @param micros microseconds since 1970-01-01T00:00 UTC
     * @return never null
     */
    static LocalDateTime toLocalDateTime(long micros) {
        long seconds = Math.floorDiv(micros, TimeText.MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, TimeText.MICROS_PER_SECOND) * 1_000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }
}
