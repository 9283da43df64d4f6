package io.dbferry.transfer.transform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Converts a SQLite time value to {@code timestamp with time zone} ({@link OffsetDateTime} at UTC), the
 * type only a cast rule chooses.
 *
 * <p>Values are read as {@link TimestampTransform} reads them. Text with an offset ({@code Z},
 * {@code +02:00}) keeps its instant. <b>Text without an offset, and every number, is taken as UTC</b>: a
 * time-zone assumption, since SQLite stores no zone, matching SQLite's own date functions, which work in
 * UTC (https://www.sqlite.org/lang_datefunc.html). Values written in local time need a
 * {@code timestamp} target instead, or fixing in the source.
 *
 * <p>Anything else is {@link RejectReason#INVALID_TIMESTAMP}; a BLOB is
 * {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}. Stateless and thread-safe.
 */
public final class TimestamptzTransform extends PointInTimeTransform {

    /** Creates the transform that detects the unit of numbers automatically. */
    public TimestamptzTransform() {
        this(TimeNumberUnit.AUTO);
    }

    /** Creates the transform reading numbers in {@code unit}. */
    TimestamptzTransform(TimeNumberUnit unit) {
        super(unit, "timestamp with time zone", RejectReason.INVALID_TIMESTAMP, "a timestamp");
    }

    @Override
    TransformResult fromMicros(Object value, long micros) {
        return TransformResult.converted(TimestampTransform.toLocalDateTime(micros).atOffset(ZoneOffset.UTC));
    }
}
