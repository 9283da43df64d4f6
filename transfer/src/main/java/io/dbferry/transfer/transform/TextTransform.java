package io.dbferry.transfer.transform;

/**
 * Converts a source value to {@code text}, {@code varchar(n)} or {@code char(n)} ({@link String}).
 *
 * <ul>
 *   <li>TEXT: as is.
 *   <li>INTEGER: its decimal digits; REAL: {@link Double#toString(double)} (e.g. {@code 1.98},
 *       {@code 100.0}, {@code 1.0E20}).
 *   <li>BLOB: decoded when it is valid UTF-8, otherwise {@link RejectReason#INVALID_UTF8}; nothing is
 *       replaced with U+FFFD.
 * </ul>
 *
 * <p>Any result containing U+0000 is {@link RejectReason#NUL_IN_TEXT}: PostgreSQL's text types cannot hold
 * it (PostgreSQL docs §8.3 "Character Types"). A result with an unpaired surrogate is
 * {@link RejectReason#INVALID_UTF8}, since it has no UTF-8 form to send. With a length limit, a result of
 * more code points than the limit is {@link RejectReason#TEXT_TOO_LONG}, where PostgreSQL would raise an
 * error — unless every excess character is a space, which PostgreSQL truncates silently (§8.3); such a value
 * is passed unchanged for PostgreSQL to truncate.
 *
 * @param maxLength the most characters (Unicode code points, as PostgreSQL counts them in a UTF-8
 *     database) the column holds; 0 for no limit
 */
public record TextTransform(int maxLength) implements ValueTransform {

    /** {@code text}: no length limit. */
    public static final TextTransform UNLIMITED = new TextTransform(0);

    /**
     * Validates the limit.
     *
     * @throws IllegalArgumentException when maxLength is negative
     */
    public TextTransform {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be ≥ 0, was " + maxLength);
        }
    }

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link String}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case String s -> check(s);
            case Long l -> check(l.toString());
            case Double d -> check(d.toString());
            case byte[] b -> switch (StrictUtf8.decode(b)) {
                case TransformResult.Converted c -> check((String) c.value());
                case TransformResult.Rejected r -> r;
            };
            default -> Rejections.unsupported(value, "text");
        };
    }

    private TransformResult check(String text) {
        int bad = firstUnwritable(text);
        if (bad >= 0) {
            return unwritable(text, bad);
        }
        if (maxLength > 0 && text.length() > maxLength) {
            int length = text.codePointCount(0, text.length());
            if (length > maxLength && !onlySpacesAfter(text, text.offsetByCodePoints(0, maxLength))) {
                return TransformResult.rejected(RejectReason.TEXT_TOO_LONG, Rejections.quote(text) + " is "
                        + length + " characters long, more than the " + maxLength + " the column holds");
            }
        }
        return TransformResult.converted(text);
    }

    /** The index of the first NUL or unpaired surrogate, or -1. */
    private static int firstUnwritable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    private static TransformResult unwritable(String text, int index) {
        int position = text.codePointCount(0, index) + 1;
        if (text.charAt(index) == 0) {
            return TransformResult.rejected(RejectReason.NUL_IN_TEXT, Rejections.quote(text)
                    + " contains a NUL character (U+0000) at character " + position
                    + ", which PostgreSQL text cannot hold");
        }
        return TransformResult.rejected(RejectReason.INVALID_UTF8, Rejections.quote(text)
                + String.format(" contains an unpaired surrogate (U+%04X) at character %d, which has no UTF-8 form",
                        (int) text.charAt(index), position));
    }

    private static boolean onlySpacesAfter(String text, int index) {
        for (int i = index; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
