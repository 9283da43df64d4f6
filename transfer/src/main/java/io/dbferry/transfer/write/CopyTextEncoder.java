package io.dbferry.transfer.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
public final class CopyTextEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[64 * 1024];
    private int length;

    /**
     * Appends one row.
     *
     * @param values the row's converted values, null for SQL NULL; never null itself
     * @throws IllegalArgumentException when a value has a type the encoder does not know
     */
    public void appendRow(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            appendValue(values[i]);
        }
        put((byte) '\n');
    }

    private void appendValue(Object value) {
        switch (value) {
            case null -> putAscii("\\N");
            case String s -> putEscaped(s);
            case Long l -> putAscii(Long.toString(l));
            case Double d -> putAscii(Double.toString(d));
            case BigDecimal b -> putAscii(b.toPlainString());
            case Boolean b -> put(b ? (byte) 't' : (byte) 'f');
            case byte[] bytes -> putHex(bytes);
            case UUID u -> putAscii(u.toString());
            case LocalDateTime t -> putAscii(TemporalText.timestamp(t));
            case OffsetDateTime t -> putAscii(TemporalText.timestamptz(t));
            case LocalDate d -> putAscii(TemporalText.date(d));
            case LocalTime t -> putAscii(t.toString());
            default -> throw new IllegalArgumentException(
                    "no COPY encoding for " + value.getClass().getName() + " value");
        }
    }

    /**
     * The number of encoded bytes waiting to be sent.
     *
     * @return bytes, ≥ 0
     */
    public int length() {
        return length;
    }

    /**
     * The internal buffer; bytes {@code [0, length())} are the encoded rows. Valid until the next append.
     *
     * @return never null
     */
    public byte[] buffer() {
        return buffer;
    }

    /** Forgets the encoded bytes, keeping the buffer for reuse. */
    public void clear() {
        length = 0;
    }

    private void putEscaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                putAsciiChar(c);
            } else if (c < 0x800) {
                ensure(2);
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                buffer[length++] = (byte) (0xF0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("unpaired surrogate U+" + Integer.toHexString(c) + " in text");
                }
                ensure(3);
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void putAsciiChar(char c) {
        switch (c) {
            case '\\' -> putAscii("\\\\");
            case '\t' -> putAscii("\\t");
            case '\n' -> putAscii("\\n");
            case '\r' -> putAscii("\\r");
            default -> put((byte) c);
        }
    }

    private void putHex(byte[] bytes) {
        // "\x" must itself be escaped in COPY text: the backslash is doubled.
        ensure(3 + bytes.length * 2);
        buffer[length++] = '\\';
        buffer[length++] = '\\';
        buffer[length++] = 'x';
        for (byte b : bytes) {
            buffer[length++] = HEX[(b >> 4) & 0xF];
            buffer[length++] = HEX[b & 0xF];
        }
    }

    private void putAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
