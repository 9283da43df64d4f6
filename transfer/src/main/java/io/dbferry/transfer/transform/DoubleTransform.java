package io.dbferry.transfer.transform;

/**
 * Converts a source value to {@code double precision} ({@link Double}).
 *
 * <ul>
 *   <li>REAL: as is, including the infinities (SQLite REAL is the same IEEE 754 binary64,
 *       https://www.sqlite.org/datatype3.html §2).
 *   <li>INTEGER: when a double holds it exactly — always for |v| ≤ 2^53 — otherwise
 *       {@link RejectReason#LOSSY_CONVERSION} (9007199254740993 would become 9007199254740992).
 *   <li>TEXT: a decimal number with optional sign, fraction and exponent, surrounding whitespace ignored;
 *       or {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code inf}, {@code -inf} in any case
 *       (PostgreSQL docs §8.1.3 "Floating-Point Types"), also with a {@code +}, and NaN with a sign, which
 *       PostgreSQL accepts through {@code strtod()}. Other forms only the C library's {@code strtod()} reads
 *       (hexadecimal {@code 0x1p3}, {@code nan(1)}) and Java-only forms ({@code 1.5d}) are
 *       {@link RejectReason#NOT_A_NUMBER}: they are undocumented and unlikely to be meant. A finite number
 *       that overflows to an infinity or underflows to zero is {@link RejectReason#OUT_OF_RANGE}, as
 *       PostgreSQL raises "is out of range for type double precision" for it.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class DoubleTransform implements ValueTransform {

    /** 2^63, the first double above every long. */
    private static final double TWO_TO_63 = 0x1p63;
    private static final String ACCEPTED = " (accepted: decimal numbers such as -1.5e3, NaN, Infinity,"
            + " -Infinity)";

    /** Creates the transform; it has no settings. */
    public DoubleTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link Double}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Double d -> TransformResult.converted(d);
            case Long l -> fromInteger(l);
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, "double precision");
        };
    }

    private static TransformResult fromInteger(long value) {
        double d = value;
        // (long) 2^63 saturates to Long.MAX_VALUE, so 2^63 must be excluded before comparing.
        if (d != TWO_TO_63 && (long) d == value) {
            return TransformResult.converted(d);
        }
        return TransformResult.rejected(RejectReason.LOSSY_CONVERSION, value
                + " has no exact double precision value (the nearest is " + d + ")");
    }

    private static TransformResult fromText(String text) {
        int start = Whitespace.start(text);
        int end = Whitespace.end(text, start);
        int digitsStart = start < end && (text.charAt(start) == '-' || text.charAt(start) == '+') ? start + 1
                : start;
        if (AsciiKeyword.matches(text, digitsStart, end, "infinity")
                || AsciiKeyword.matches(text, digitsStart, end, "inf")) {
            return TransformResult.converted(text.charAt(start) == '-' ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY);
        }
        if (AsciiKeyword.matches(text, digitsStart, end, "nan")) {
            return TransformResult.converted(Double.NaN);
        }
        int significant = decimalSignificantDigits(text, digitsStart, end);
        if (significant < 0) {
            return TransformResult.rejected(RejectReason.NOT_A_NUMBER,
                    Rejections.quote(text) + " is not a number" + ACCEPTED);
        }
        // The literal was checked above; parseDouble skips the same surrounding whitespace.
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || d == 0 && significant > 0) {
            return TransformResult.rejected(RejectReason.OUT_OF_RANGE,
                    Rejections.quote(text) + " is out of range for double precision");
        }
        return TransformResult.converted(d);
    }

    /**
     * Checks {@code digits [. digits] [e|E [sign] digits]} (or {@code . digits ...}) and counts nonzero
     * mantissa digits.
     *
     * @return the number of nonzero mantissa digits, or -1 when the text is not such a literal
     */
    private static int decimalSignificantDigits(String text, int start, int end) {
        int i = start;
        int digits = 0;
        int nonzero = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
                nonzero += c == '0' ? 0 : 1;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i = exponentEnd(text, i + 1, end);
        }
        return i == end ? nonzero : -1;
    }

    /** The index after an exponent's optional sign and digits, or -1 when it has no digits. */
    private static int exponentEnd(String text, int start, int end) {
        int i = start < end && (text.charAt(start) == '-' || text.charAt(start) == '+') ? start + 1 : start;
        int digitsStart = i;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == digitsStart ? -1 : i;
    }
}
