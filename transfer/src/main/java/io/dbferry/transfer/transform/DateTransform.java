package io.dbferry.transfer.transform;

import java.time.LocalDate;

/**
 * Converts a SQLite time value to {@code date} ({@link LocalDate}).
 *
 * <p>Accepts what {@link TimestampTransform} accepts — TEXT dates with an optional time and zone, Julian
 * day numbers, Unix seconds and milliseconds — and keeps the date of the UTC result when its time of day is
 * midnight. A value with any other time of day is {@link RejectReason#LOSSY_CONVERSION}: a date column
 * would drop it.
 * Anything else is {@link RejectReason#INVALID_DATE}; a BLOB is
 * {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}. Stateless and thread-safe.
 */
public final class DateTransform implements ValueTransform {

    /** Creates the transform; it has no settings. */
    public DateTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link LocalDate}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Long l -> fromMicros(value, TimeNumber.fromInteger(l));
            case Double d -> fromMicros(value, TimeNumber.fromReal(d));
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, "date");
        };
    }

    private static TransformResult fromText(String text) {
        TimeText reader = new TimeText(text, TimeText.DATE_TIME_FORMS);
        long micros = reader.dateTime();
        return micros == TimeText.INVALID ? invalid(text, reader.problem()) : fromMicros(text, micros);
    }

    private static TransformResult fromMicros(Object value, long micros) {
        if (TimeNumber.refused(micros)) {
            return invalid(value, TimeNumber.problem(micros));
        }
        if (Math.floorMod(micros, TimeText.MICROS_PER_DAY) != 0) {
            return TransformResult.rejected(RejectReason.LOSSY_CONVERSION, Rejections.quote(value) + " is "
                    + TimestampTransform.toLocalDateTime(micros) + " UTC, whose time of day a date column would"
                    + " drop");
        }
        return TransformResult.converted(LocalDate.ofEpochDay(Math.floorDiv(micros, TimeText.MICROS_PER_DAY)));
    }

    private static TransformResult invalid(Object value, String problem) {
        return TransformResult.rejected(RejectReason.INVALID_DATE,
                Rejections.quote(value) + " is not a date: " + problem);
    }
}
