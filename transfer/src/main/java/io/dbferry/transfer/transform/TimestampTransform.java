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
 *       {@link TimeNumber} describes.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Anything else is {@link RejectReason#INVALID_TIMESTAMP}. Stateless and thread-safe.
 */
public final class TimestampTransform implements ValueTransform {

    /** Creates the transform; it has no settings. */
    public TimestampTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link LocalDateTime} with microsecond resolution, or a reject as described on the class;
     *     never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Long l -> fromNumber(value, TimeNumber.fromInteger(l));
            case Double d -> fromNumber(value, TimeNumber.fromReal(d));
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, "timestamp");
        };
    }

    private static TransformResult fromNumber(Object value, long micros) {
        return TimeNumber.refused(micros)
                ? invalid(value, TimeNumber.problem(micros))
                : TransformResult.converted(toLocalDateTime(micros));
    }

    private static TransformResult fromText(String text) {
        TimeText reader = new TimeText(text, TimeText.DATE_TIME_FORMS);
        long micros = reader.dateTime();
        return micros == TimeText.INVALID ? invalid(text, reader.problem())
                : TransformResult.converted(toLocalDateTime(micros));
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

    private static TransformResult invalid(Object value, String problem) {
        return TransformResult.rejected(RejectReason.INVALID_TIMESTAMP,
                Rejections.quote(value) + " is not a timestamp: " + problem);
    }
}
