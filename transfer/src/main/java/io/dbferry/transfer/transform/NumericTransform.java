package io.dbferry.transfer.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts a source value to {@code numeric(precision, scale)} or unconstrained {@code numeric}
 * ({@link BigDecimal}).
 *
 * <ul>
 *   <li>INTEGER: exactly.
 *   <li>REAL: its shortest decimal representation ({@link Double#toString(double)}, shortest since JDK 19),
 *       so a REAL 1.98 arrives as 1.98, not as the binary value 1.979999999999999982236431605997495353221893310546875.
 *       NaN and the infinities are {@link RejectReason#NOT_A_NUMBER}: {@link BigDecimal} cannot hold them,
 *       although PostgreSQL's {@code numeric} can.
 *   <li>TEXT: a decimal number in ASCII with optional sign, fraction and exponent, surrounding whitespace
 *       ignored; anything else is {@link RejectReason#NOT_A_NUMBER}.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>With a declared precision, a value that needs more than {@code precision - scale} digits before the
 * decimal point once rounded to {@code scale} is {@link RejectReason#OUT_OF_RANGE}, where PostgreSQL would
 * fail with "numeric field overflow" (PostgreSQL docs §8.1.2 "Arbitrary Precision Numbers"). Extra
 * fraction digits are not an error: the value is passed unchanged and PostgreSQL rounds it to the scale,
 * half away from zero, as that section describes. With or without a precision, a value beyond numeric's
 * input limits — 131072 digits before the decimal point, 16383 after (§8.1, Table 8.2) — is
 * {@link RejectReason#OUT_OF_RANGE}: PostgreSQL checks them before it rounds to a declared scale, failing
 * with "value overflows numeric format".
 *
 * @param precision the declared precision in decimal digits, 0 for unconstrained
 * @param scale the declared scale in decimal digits, 0 when none; at most {@code precision}
 */
public record NumericTransform(int precision, int scale) implements ValueTransform {

    /** Unconstrained {@code numeric}. */
    public static final NumericTransform UNCONSTRAINED = new NumericTransform(0, 0);

    private static final long MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    /**
     * Validates the modifiers.
     *
     * @throws IllegalArgumentException when precision or scale is negative, or scale exceeds a declared
     *     precision
     */
    public NumericTransform {
        if (precision < 0 || scale < 0 || precision > 0 && scale > precision || precision == 0 && scale > 0) {
            throw new IllegalArgumentException("numeric precision must be ≥ 0 and scale in [0, precision], was ("
                    + precision + "," + scale + ")");
        }
    }

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link BigDecimal}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Long l -> fits(value, BigDecimal.valueOf(l));
            case Double d when Double.isNaN(d) || Double.isInfinite(d) -> notANumber(value);
            case Double d -> fits(value, new BigDecimal(Double.toString(d)));
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, typeName());
        };
    }

    private TransformResult fromText(String text) {
        int start = Whitespace.start(text);
        int end = Whitespace.end(text, start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // BigDecimal would also read non-ASCII digits such as U+0661, which PostgreSQL does not.
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return notANumber(text);
            }
        }
        try {
            return fits(text, new BigDecimal(start == 0 && end == text.length() ? text : text.substring(start, end)));
        } catch (NumberFormatException e) {
            // Reached only for invalid text such as "1.2.3" or "e5".
            return notANumber(text);
        }
    }

    private TransformResult fits(Object source, BigDecimal value) {
        if (exceedsNumericLimits(value)) {
            return TransformResult.rejected(RejectReason.OUT_OF_RANGE, Rejections.quote(source)
                    + " exceeds numeric's limits of 131072 digits before and 16383 after the decimal point"
                    + " (PostgreSQL would fail with \"value overflows numeric format\")");
        }
        if (precision == 0) {
            return TransformResult.converted(value);
        }
        // Rounded as PostgreSQL rounds before it checks: 999.995 needs 4 digits at scale 2.
        long digits = integerDigits(value.scale() > scale ? value.setScale(scale, RoundingMode.HALF_UP) : value);
        if (digits > precision - scale) {
            return TransformResult.rejected(RejectReason.OUT_OF_RANGE, Rejections.quote(source) + " needs "
                    + digits + " digits before the decimal point but " + typeName() + " allows "
                    + (precision - scale) + " (PostgreSQL would fail with \"numeric field overflow\")");
        }
        return TransformResult.converted(value);
    }

    /**
     * Whether PostgreSQL's numeric input would fail with "value overflows numeric format": more than 131072
     * digits before the decimal point or more than 16383 after it (PostgreSQL docs §8.1, Table 8.2).
     *
     * @param value never null
     * @return true when the value is beyond numeric's limits
     */
    static boolean exceedsNumericLimits(BigDecimal value) {
        return integerDigits(value) > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS;
    }

    /** Digits before the decimal point: 3 for 123.45, 0 for 0.5, 4 for 1E+3. */
    private static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, (long) value.precision() - value.scale());
    }

    private TransformResult notANumber(Object value) {
        return TransformResult.rejected(RejectReason.NOT_A_NUMBER, Rejections.quote(value) + " is not a number "
                + typeName() + " can hold (accepted: decimal numbers such as -12.5 or 1.25e3)");
    }

    private String typeName() {
        return precision == 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
    }
}
