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
 * <p>Stateless and thread-safe; allocates nothing but the result.
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
     * Reads 32 hex digits, or 36 characters with hyphens at offsets 8, 13, 18 and 23 and hex digits elsewhere,
     * in one pass (this runs for every UUID value of a migration).
     *
     * @return the UUID, null when the text has another shape
     */
    private static UUID parse(String text, int start, int end) {
        int length = end - start;
        boolean hyphenated = length == HYPHENATED_LENGTH;
        if (length != HEX_DIGITS && (!hyphenated || !hasHyphensAt(text, start))) {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (hyphenated && isHyphenOffset(i - start)) {
                continue;
            }
            int value = hexValue(text.charAt(i));
            if (value < 0) {
                return null;
            }
            if (digits++ < HEX_DIGITS / 2) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        return new UUID(high, low);
    }

    private static boolean hasHyphensAt(String text, int start) {
        return text.charAt(start + 8) == '-' && text.charAt(start + 13) == '-' && text.charAt(start + 18) == '-'
                && text.charAt(start + 23) == '-';
    }

    private static boolean isHyphenOffset(int offset) {
        return offset == 8 || offset == 13 || offset == 18 || offset == 23;
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
