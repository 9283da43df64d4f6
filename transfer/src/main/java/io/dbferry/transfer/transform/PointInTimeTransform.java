package io.dbferry.transfer.transform;

import java.util.Objects;

/**
 * What the date and timestamp transforms share: reading a SQLite time value into microseconds since
 * 1970-01-01T00:00 UTC. TEXT is read by {@link TimeText} (an offset is converted to UTC; text without one is
 * UTC already), numbers by the {@link TimeNumberUnit} given, a BLOB is
 * {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}. Subclasses turn the instant into their output value.
 * Stateless and thread-safe.
 */
abstract sealed class PointInTimeTransform implements ValueTransform
        permits DateTransform, TimestampTransform, TimestamptzTransform {

    private final TimeNumberUnit unit;
    private final String targetName;
    private final RejectReason invalidReason;
    private final String noun;

    /**
     * Sets how values are read and how a value that is no point in time is rejected.
     *
     * @param unit how numbers are read, never null
     * @param targetName the target type as PostgreSQL spells it, for the storage-class reject
     * @param invalidReason the reason of a reject for a value that is not a time value
     * @param noun what the value is not, e.g. {@code "a timestamp"}
     */
    PointInTimeTransform(TimeNumberUnit unit, String targetName, RejectReason invalidReason, String noun) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.targetName = targetName;
        this.invalidReason = invalidReason;
        this.noun = noun;
    }

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return the output value of the subclass, or a reject as described on the subclass; never null
     */
    @Override
    public final TransformResult apply(Object value) {
        return switch (value) {
            case Long l -> fromNumber(value, unit.fromInteger(l));
            case Double d -> fromNumber(value, unit.fromReal(d));
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, targetName);
        };
    }

    /**
     * The output for a valid instant.
     *
     * @param value the source value, for a reject message; never null
     * @param micros the instant, microseconds since 1970-01-01T00:00 UTC
     * @return never null
     */
    abstract TransformResult fromMicros(Object value, long micros);

    private TransformResult fromNumber(Object value, long micros) {
        return TimeNumber.refused(micros) ? invalid(value, unit.problem(micros)) : fromMicros(value, micros);
    }

    private TransformResult fromText(String text) {
        TimeText reader = new TimeText(text, TimeText.DATE_TIME_FORMS, unit);
        long micros = reader.dateTime();
        return micros == TimeText.INVALID ? invalid(text, reader.problem()) : fromMicros(text, micros);
    }

    private TransformResult invalid(Object value, String problem) {
        return TransformResult.rejected(invalidReason, Rejections.quote(value) + " is not " + noun + ": " + problem);
    }
}
