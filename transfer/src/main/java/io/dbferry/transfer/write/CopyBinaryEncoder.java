package io.dbferry.transfer.write;

import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Encodes rows in PostgreSQL's binary COPY format (PostgreSQL docs, COPY, "Binary Format"): the header
 * {@code PGCOPY\n\377\r\n\0}, an int32 flags word and an int32 header-extension length (both 0); per row
 * an int16 field count and per field an int32 length (−1 for NULL) and the value in its type's binary
 * "send" form; the trailer int16 −1. All integers are big-endian.
 *
 * <p>Each column gets the field writer of its target type, chosen once, so that encoding a value is a
 * cast and a few byte stores: integers in the column's width (int2/int4/int8), {@code double precision}
 * as its IEEE 754 bits, {@code boolean} as one byte, text types and {@code jsonb} as UTF-8 ({@code jsonb}
 * after its version byte 1; a {@code jsonb} value may also come as a {@code byte[]} of UTF-8 text),
 * {@code bytea} raw, {@code uuid} as 16 bytes, {@code date} as int32 days and
 * {@code timestamp}, {@code timestamptz} and {@code time} as int64 microseconds — since 2000-01-01
 * (PostgreSQL's epoch) or midnight; {@code numeric} as described on {@link NumericBinary}.
 *
 * <p>The server checks each value as its text input would (lengths of {@code varchar(n)}, the range of a
 * date, the scale of {@code numeric(p,s)}, which it rounds to). Not thread-safe: one encoder per reader.
 */
public final class CopyBinaryEncoder implements CopyEncoder {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long POSTGRES_EPOCH_DAY = 10_957;
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;
    private static final byte JSONB_VERSION = 1;

    /** Writes one non-null value as a field: its int32 length, then its bytes. */
    @FunctionalInterface
    private interface FieldWriter {
        void write(Object value, CopyBytes out);
    }

    private final FieldWriter[] fields;
    private final CopyBytes out = new CopyBytes(INITIAL_CAPACITY);

    /**
     * Creates an encoder for rows of the given column types.
     *
     * @param types the target column types in column order, never null or empty
     */
    public CopyBinaryEncoder(List<TargetType> types) {
        this.fields = types.stream().map(t -> writer(t)).toArray(FieldWriter[]::new);
    }

    @Override
    public void begin() {
        out.putBytes(SIGNATURE);
        out.putInt(0); // flags: no OIDs
        out.putInt(0); // header extension length
    }

    /**
     * Appends one row.
     *
     * @param values one value per column, null for SQL NULL
     * @throws IllegalArgumentException when the row's width differs from the column count
     * @throws ClassCastException when a value is not of the Java type its column's transform produces
     */
    @Override
    public void appendRow(Object[] values) {
        if (values.length != fields.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + fields.length + " columns");
        }
        out.putShort(fields.length);
        for (int i = 0; i < fields.length; i++) {
            if (values[i] == null) {
                out.putInt(-1);
            } else {
                fields[i].write(values[i], out);
            }
        }
    }

    /**
     * Encodes one row alone, as {@link #appendRow} appends it (an int16 field count, then each field), into a
     * buffer this encoder reuses: for hashing rows one by one ({@code dbferry verify} hashes each source row in
     * the form PostgreSQL's {@code COPY … TO STDOUT (FORMAT binary)} gives the target's). Drops any bytes not
     * yet taken; do not mix with {@link #begin()}/{@link #take()} on one encoder.
     *
     * @param values one value per column, null for SQL NULL; not kept
     * @return the row's bytes, valid until the next call on this encoder; never null
     * @throws IllegalArgumentException when the row's width differs from the column count
     * @throws ClassCastException when a value is not of the Java type its column's transform produces
     */
    public CopyData encodeRow(Object[] values) {
        out.clear();
        appendRow(values);
        return new CopyData(out.array(), out.length());
    }

    @Override
    public void end() {
        out.putShort(-1);
    }

    @Override
    public int length() {
        return out.length();
    }

    @Override
    public CopyData take() {
        return out.take(INITIAL_CAPACITY);
    }

    private static FieldWriter writer(TargetType type) {
        return switch (type.type()) {
            case SMALLINT -> (v, o) -> fixed(o, 2).putShort((int) (long) (Long) v);
            case INTEGER -> (v, o) -> fixed(o, 4).putInt((int) (long) (Long) v);
            case BIGINT -> (v, o) -> fixed(o, 8).putLong((Long) v);
            case DOUBLE_PRECISION -> (v, o) -> fixed(o, 8).putLong(Double.doubleToRawLongBits((Double) v));
            case NUMERIC -> (v, o) -> NumericBinary.write((BigDecimal) v, o);
            case VARCHAR, CHAR, TEXT -> (v, o) -> text((String) v, o, false);
            case JSONB -> (v, o) -> {
                if (v instanceof byte[] utf8) {
                    jsonbBytes(utf8, o);
                } else {
                    text((String) v, o, true);
                }
            };
            case BYTEA -> (v, o) -> fixed(o, ((byte[]) v).length).putBytes((byte[]) v);
            case BOOLEAN -> (v, o) -> fixed(o, 1).put((Boolean) v ? (byte) 1 : 0);
            case DATE -> (v, o) -> fixed(o, 4).putInt(days((LocalDate) v));
            case TIMESTAMP -> (v, o) -> fixed(o, 8).putLong(micros((LocalDateTime) v));
            case TIMESTAMPTZ -> (v, o) -> fixed(o, 8).putLong(micros((OffsetDateTime) v));
            case TIME -> (v, o) -> fixed(o, 8).putLong(((LocalTime) v).toNanoOfDay() / 1_000);
            case UUID -> (v, o) -> uuid((UUID) v, o);
        };
    }

    /** Writes a field length and returns the buffer, for the value to follow. */
    private static CopyBytes fixed(CopyBytes out, int length) {
        out.putInt(length);
        return out;
    }

    /** Days since 2000-01-01 (ISO proleptic Gregorian, as PostgreSQL's dates, year 0 being 1 BC). */
    private static int days(LocalDate date) {
        return Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY);
    }

    private static void uuid(UUID value, CopyBytes out) {
        out.putInt(16);
        out.putLong(value.getMostSignificantBits());
        out.putLong(value.getLeastSignificantBits());
    }

    /** Microseconds since 2000-01-01T00:00 (the transforms produce whole microseconds). */
    private static long micros(LocalDateTime t) {
        return (t.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH_SECOND) * 1_000_000 + t.getNano() / 1_000;
    }

    /** Microseconds since 2000-01-01T00:00 UTC. */
    private static long micros(OffsetDateTime t) {
        return (t.toEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + t.getNano() / 1_000;
    }

    /** UTF-8 text, its length written once the bytes are; {@code jsonb} starts with its format version. */
    /** A {@code jsonb} field from text already in UTF-8: the version byte, then the bytes as they are. */
    private static void jsonbBytes(byte[] utf8, CopyBytes out) {
        out.putInt(1 + utf8.length);
        out.put(JSONB_VERSION);
        out.putBytes(utf8);
    }

    private static void text(String value, CopyBytes out, boolean jsonb) {
        int lengthAt = out.length();
        out.putInt(0);
        if (jsonb) {
            out.put(JSONB_VERSION);
        }
        out.putUtf8(value, false);
        out.setInt(lengthAt, out.length() - lengthAt - 4);
    }
}
