package io.dbferry.transfer.transform;

import java.util.Arrays;
import java.util.UUID;

/**
 * Converts a source value to {@code uuid} ({@link UUID}).
 *
 * <ul>
 *   <li>TEXT: 36 characters {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} or 32 hex digits without hyphens,
 *       either optionally in braces, hex digits in any case — forms PostgreSQL's {@code uuid} input also
 *       accepts (PostgreSQL docs §8.12 "UUID Type"). Surrounding whitespace, which PostgreSQL would reject,
 *       is ignored. PostgreSQL's other form, hyphens after any group of four digits, is rejected as unusual
 *       in source data.
 *   <li>BLOB: exactly 16 bytes, most significant byte first, the byte order of RFC 9562 §4 (and of
 *       PostgreSQL's binary form); other lengths are {@link RejectReason#INVALID_UUID}.
 *   <li>INTEGER and REAL: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS} (128 bits do not fit in them).
 * </ul>
 *
 * <p>Stateless and thread-safe; allocates the result and, for TEXT, a copy of the value's characters.
 */
public final class UuidTransform implements ValueTransform {

    private static final int UUID_BYTES = 16;
    private static final int HEX_DIGITS = 32;
    private static final int HYPHENATED_LENGTH = 36;
    /** The value of each ASCII hex digit, -1 for every other character below 128. */
    private static final byte[] HEX_VALUES = new byte[128];

    static {
        Arrays.fill(HEX_VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUES["0123456789abcdef".charAt(i)] = (byte) i;
            HEX_VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }
    private static final String ACCEPTED = " (accepted: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx or 32 hex digits,"
            + " optionally in braces, or a 16-byte BLOB)";

    /** Creates the transform; it has no settings. */
    public UuidTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link UUID}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case String s -> fromText(s);
            case byte[] b -> fromBytes(b);
            default -> Rejections.unsupported(value, "uuid");
        };
    }

    private static TransformResult fromBytes(byte[] bytes) {
        if (bytes.length != UUID_BYTES) {
            return TransformResult.rejected(RejectReason.INVALID_UUID, Rejections.quote(bytes)
                    + " is not a UUID: a UUID BLOB has exactly 16 bytes");
        }
        return TransformResult.converted(new UUID(bigEndianLong(bytes, 0), bigEndianLong(bytes, 8)));
    }

    private static long bigEndianLong(byte[] bytes, int offset) {
        long result = 0;
        for (int i = offset; i < offset + Long.BYTES; i++) {
            result = result << 8 | bytes[i] & 0xFF;
        }
        return result;
    }

    private static TransformResult fromText(String text) {
        int start = Whitespace.start(text);
        int end = Whitespace.end(text, start);
        if (end - start >= 2 && text.charAt(start) == '{' && text.charAt(end - 1) == '}') {
            start++;
            end--;
        }
        UUID uuid = parse(text, start, end);
        return uuid == null ? invalid(text) : TransformResult.converted(uuid);
    }

    /**
     * Reads 32 hex digits, or 36 characters with hyphens at offsets 8, 13, 18 and 23 and hex digits elsewhere
     * (this runs for every UUID value of a migration and a verification: the characters are copied into an array
     * once and read in fixed groups, which compiles to far less machine code than a loop of
     * {@code String.charAt} that asks at each character whether it is a hyphen's place).
     *
     * @return the UUID, null when the text has another shape
     */
    private static UUID parse(String text, int start, int end) {
        int length = end - start;
        if (length != HEX_DIGITS && length != HYPHENATED_LENGTH) {
            return null;
        }
        char[] chars = new char[length];
        text.getChars(start, end, chars, 0);
        long a;
        long b;
        long c;
        long d;
        if (length == HEX_DIGITS) {
            a = hex(chars, 0, 8);
            b = hex(chars, 8, 16);
            c = hex(chars, 16, 24);
            d = hex(chars, 24, 32);
        } else {
            if (chars[8] != '-' || chars[13] != '-' || chars[18] != '-' || chars[23] != '-') {
                return null;
            }
            a = hex(chars, 0, 8);
            b = hex(chars, 9, 13) << 16 | hex(chars, 14, 18);
            c = hex(chars, 19, 23) << 16 | hex(chars, 24, 28);
            d = hex(chars, 28, 36);
        }
        if ((a | b | c | d) < 0) {
            return null;
        }
        return new UUID(a << 32 | b, c << 32 | d);
    }

    /**
     * The value of the hex digits {@code chars[from, to)}, at most 8 of them; -1 when one is not a hex digit (an
     * OR of -1 with anything is negative, which {@link #parse} checks once for all groups).
     */
    private static long hex(char[] chars, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = hexValue(chars[i]);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** ASCII hex only: {@link Character#digit(char, int)} would also accept e.g. fullwidth digits. */
    private static int hexValue(char c) {
        return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
    }

    private static TransformResult invalid(String text) {
        return TransformResult.rejected(RejectReason.INVALID_UUID, Rejections.quote(text) + " is not a UUID"
                + ACCEPTED);
    }
}
