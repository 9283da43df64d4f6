package io.dbferry.transfer.transform;

import java.time.LocalTime;

/**
 * Converts a SQLite time value to {@code time} ({@link LocalTime}).
 *
 * <ul>
 *   <li>TEXT: {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.SSS} (formats 8–10 of
 *       https://www.sqlite.org/lang_datefunc.html §2), fractions rounded half up to microseconds, optionally
 *       followed by {@code Z} or {@code ±HH:MM}, which is converted to UTC and wraps around midnight as
 *       SQLite's {@code time()} does ({@code time('23:30-02:00')} is {@code 01:30:00}).
 *   <li>TEXT with a date: {@link RejectReason#LOSSY_CONVERSION} when valid, since a time column would drop
 *       the date; {@link RejectReason#INVALID_TIME} when not.
 *   <li>{@code 24:00:00}, which PostgreSQL accepts as the end of a day (PostgreSQL docs §8.5,
 *       Table 8.9):
 *       {@link RejectReason#INVALID_TIME}, since {@link LocalTime} cannot hold it.
 *   <li>INTEGER and REAL: {@link RejectReason#INVALID_TIME}; a number is a point in time, not a time of day.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TimeTransform implements ValueTransform {

    /** Creates the transform; it has no settings. */
    public TimeTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link LocalTime} with microsecond resolution, or a reject as described on the class; never
     *     null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case String s -> fromText(s);
            case Long l -> notText(value);
            case Double d -> notText(value);
            default -> Rejections.unsupported(value, "time");
        };
    }

    private static TransformResult fromText(String text) {
        TimeText reader = new TimeText(text, TimeText.TIME_FORMS);
        if (reader.startsWithDate()) {
            return reader.dateTime() == TimeText.INVALID ? invalid(text, reader.problem())
                    : TransformResult.rejected(RejectReason.LOSSY_CONVERSION, Rejections.quote(text)
                            + " has a date, which a time column would drop");
        }
        long clock = reader.clock();
        if (clock == TimeText.INVALID) {
            return invalid(text, reader.problem());
        }
        if (clock == TimeText.MICROS_PER_DAY) {
            return invalid(text, "24:00:00, PostgreSQL's end of the day, has no java.time.LocalTime;"
                    + " use 23:59:59.999999 or 00:00");
        }
        long utc = Math.floorMod(clock - reader.offsetMicros(), TimeText.MICROS_PER_DAY);
        return TransformResult.converted(LocalTime.ofNanoOfDay(utc * 1_000));
    }

    private static TransformResult notText(Object value) {
        return invalid(value, "a number is a point in time; only TEXT " + TimeText.TIME_FORMS + " is accepted");
    }

    private static TransformResult invalid(Object value, String problem) {
        return TransformResult.rejected(RejectReason.INVALID_TIME,
                Rejections.quote(value) + " is not a time of day: " + problem);
    }
}
