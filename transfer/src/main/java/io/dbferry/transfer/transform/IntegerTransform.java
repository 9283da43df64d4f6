package io.dbferry.transfer.transform;

/**
 * Converts a source value to {@code smallint}, {@code integer} or {@code bigint} ({@link Long}), within the
 * type's range (PostgreSQL docs §8.1.1 "Integer Types", Table 8.2).
 *
 * <ul>
 *   <li>INTEGER: as is, when within the range; otherwise {@link RejectReason#OUT_OF_RANGE}.
 *   <li>REAL: when its value is integral and within the range; a fraction, NaN or an infinity is
 *       {@link RejectReason#NOT_AN_INTEGER} (PostgreSQL's integer input takes no fraction either).
 *   <li>TEXT: an optional sign and decimal digits, surrounding whitespace ignored, as PostgreSQL's integer
 *       input reads them; anything else — {@code 1.0}, {@code 1e3}, and the underscores and
 *       {@code 0x}/{@code 0o}/{@code 0b} prefixes PostgreSQL 16 added — is
 *       {@link RejectReason#NOT_AN_INTEGER}.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Immutable and thread-safe; allocates nothing but the result on valid input.
 */
public final class IntegerTransform implements ValueTransform {

    /** {@code smallint}: -32768 to 32767. */
    public static final IntegerTransform SMALLINT = new IntegerTransform("smallint", Short.MIN_VALUE,
            Short.MAX_VALUE);
    /** {@code integer}: -2147483648 to 2147483647. */
    public static final IntegerTransform INTEGER = new IntegerTransform("integer", Integer.MIN_VALUE,
            Integer.MAX_VALUE);
    /** {@code bigint}: -9223372036854775808 to 9223372036854775807, every SQLite INTEGER. */
    public static final IntegerTransform BIGINT = new IntegerTransform("bigint", Long.MIN_VALUE, Long.MAX_VALUE);

    private final String typeName;
    private final long min;
    private final long max;

    private IntegerTransform(String typeName, long min, long max) {
        this.typeName = typeName;
        this.min = min;
        this.max = max;
    }

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link Long} within the type's range, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Long l -> inRange(value, l);
            case Double d -> fromReal(d);
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, typeName);
        };
    }

    /** Returns the type's name, e.g. {@code smallint}. */
    @Override
    public String toString() {
        return typeName;
    }

    private TransformResult fromReal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
            return notAnInteger(d);
        }
        // (double) max + 1 is exact for smallint and integer, and rounds to 2^63 for bigint: the bound
        // every bigint is below.
        if (d < min || d >= (double) max + 1) {
            return outOfRange(d);
        }
        return TransformResult.converted((long) d);
    }

    private TransformResult fromText(String text) {
        int start = Whitespace.start(text);
        int end = Whitespace.end(text, start);
        boolean negative = start < end && text.charAt(start) == '-';
        int digitsStart = start < end && (negative || text.charAt(start) == '+') ? start + 1 : start;
        if (digitsStart == end) {
            return notAnInteger(text);
        }
        // Accumulates negatively, since Long.MIN_VALUE has no positive counterpart.
        long value = 0;
        boolean overflow = false;
        for (int i = digitsStart; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return notAnInteger(text);
            }
            overflow |= value < (Long.MIN_VALUE + digit) / 10;
            value = value * 10 - digit;
        }
        if (overflow || !negative && value == Long.MIN_VALUE) {
            return outOfRange(text);
        }
        return inRange(text, negative ? value : -value);
    }

    private TransformResult inRange(Object source, long value) {
        return value < min || value > max ? outOfRange(source) : TransformResult.converted(value);
    }

    private TransformResult notAnInteger(Object value) {
        return TransformResult.rejected(RejectReason.NOT_AN_INTEGER,
                Rejections.quote(value) + " is not an integer, as " + typeName + " requires");
    }

    private TransformResult outOfRange(Object value) {
        return TransformResult.rejected(RejectReason.OUT_OF_RANGE,
                Rejections.quote(value) + " is out of range for " + typeName + " [" + min + ", " + max + "]");
    }
}
