package io.dbferry.transfer.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Encodes rows in PostgreSQL's COPY text format (PostgreSQL docs, COPY, "Text Format"): columns separated
 * by a tab, rows ended by a newline, NULL as {@code \N}, and backslash, tab, newline and carriage return
 * escaped with a backslash. Output is UTF-8, the encoding the writer sets for the COPY.
 *
 * <p>Accepts the value types {@code io.dbferry.transfer.transform.ValueTransform} produces. Bytes are
 * written in bytea's hex format ({@code \x…}, PostgreSQL docs §8.4.1), dates and times in ISO 8601
 * (years before 1 as {@code BC}; timestamps with time zone in UTC, ending in {@code +00}), booleans as
 * {@code t}/{@code f}. Not thread-safe: one encoder per writer.
 */
public final class CopyTextEncoder implements CopyEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final CopyBytes out = new CopyBytes(INITIAL_CAPACITY);

    /** Text COPY data has no header: does nothing. */
    @Override
    public void begin() {
        // The text format starts with the first row (PostgreSQL docs, COPY, "Text Format").
    }

    /**
     * Appends one row.
     *
     * @param values the row's converted values, null for SQL NULL; never null itself
     * @throws IllegalArgumentException when a value has a type the encoder does not know
     */
    @Override
    public void appendRow(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.put((byte) '\t');
            }
            appendValue(values[i]);
        }
        out.put((byte) '\n');
    }

    /** Text COPY data has no trailer: does nothing (the end of the data ends the COPY). */
    @Override
    public void end() {
        // "\." is only needed in a file with more after it; COPY FROM STDIN ends with the protocol's CopyDone.
    }

    private void appendValue(Object value) {
        switch (value) {
            case null -> out.putAscii("\\N");
            case String s -> out.putUtf8(s, true);
            case Long l -> out.putAscii(Long.toString(l));
            case Double d -> out.putAscii(Double.toString(d));
            case BigDecimal b -> out.putAscii(b.toPlainString());
            case Boolean b -> out.put(b ? (byte) 't' : (byte) 'f');
            case byte[] bytes -> putHex(bytes);
            case UUID u -> out.putAscii(u.toString());
            case LocalDateTime t -> out.putAscii(TemporalText.timestamp(t));
            case OffsetDateTime t -> out.putAscii(TemporalText.timestamptz(t));
            case LocalDate d -> out.putAscii(TemporalText.date(d));
            case LocalTime t -> out.putAscii(t.toString());
            default -> throw new IllegalArgumentException(
                    "no COPY encoding for " + value.getClass().getName() + " value");
        }
    }

    /**
     * The number of encoded bytes waiting to be sent.
     *
     * @return bytes, ≥ 0
     */
    @Override
    public int length() {
        return out.length();
    }

    /**
     * The internal buffer; bytes {@code [0, length())} are the encoded rows. Valid until the next append.
     *
     * @return never null
     */
    public byte[] buffer() {
        return out.array();
    }

    /** Forgets the encoded bytes, keeping the buffer for reuse. */
    public void clear() {
        out.clear();
    }

    @Override
    public CopyData take() {
        return out.take(INITIAL_CAPACITY);
    }

    private void putHex(byte[] bytes) {
        // "\x" must itself be escaped in COPY text: the backslash is doubled.
        out.putAscii("\\\\x");
        for (byte b : bytes) {
            out.put(HEX[(b >> 4) & 0xF]);
            out.put(HEX[b & 0xF]);
        }
    }
}
