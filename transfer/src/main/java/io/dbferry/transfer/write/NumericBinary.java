package io.dbferry.transfer.write;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes a {@link BigDecimal} as a COPY binary {@code numeric} field: {@code int16 ndigits, int16 weight,
 * int16 sign, int16 dscale} and {@code ndigits} base-10000 digits, most significant first (PostgreSQL
 * source, {@code numeric_send}/{@code numeric_recv} in src/backend/utils/adt/numeric.c). The value is
 * {@code sum(digit[i] × 10000^(weight − i))}; {@code dscale} is the number of decimal digits after the
 * point to display, here the value's own scale, so that {@code numeric_recv} keeps every digit and then
 * rounds to a declared scale exactly as the text input does.
 *
 * <p>NaN and ±Infinity (sign words {@code 0xC000}, {@code 0xD000}, {@code 0xF000}) are never written:
 * {@link BigDecimal} cannot hold them, and {@code NumericTransform} rejects them before they get here.
 * Stateless.
 */
final class NumericBinary {

    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int DIGITS_PER_GROUP = 4;

    private NumericBinary() {}

    /** Appends the field: its int32 length, then the value. */
    static void write(BigDecimal value, CopyBytes out) {
        int scale = value.scale();
        BigInteger magnitude = value.unscaledValue().abs();
        if (scale < 0) {
            magnitude = magnitude.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        String digits = magnitude.signum() == 0 ? "" : magnitude.toString();
        int integerDigits = digits.length() - scale;
        int integerGroups = integerDigits > 0 ? (integerDigits + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP : 0;
        int fractionGroups = (scale + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP;
        // Position of digits[0] in the virtual, zero-padded digit string of all groups.
        int offset = integerGroups * DIGITS_PER_GROUP - integerDigits;
        int first = 0;
        int last = integerGroups + fractionGroups - 1;
        while (first <= last && group(digits, offset, first) == 0) {
            first++;
        }
        while (last >= first && group(digits, offset, last) == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        out.putInt(8 + 2 * ndigits);
        out.putShort(ndigits);
        out.putShort(ndigits == 0 ? 0 : integerGroups - 1 - first);
        out.putShort(value.signum() < 0 ? NEGATIVE : POSITIVE);
        out.putShort(scale);
        for (int g = first; g <= last; g++) {
            out.putShort(group(digits, offset, g));
        }
    }

    /** The base-10000 digit number {@code g} of the padded digit string. */
    private static int group(String digits, int offset, int g) {
        int value = 0;
        for (int v = g * DIGITS_PER_GROUP; v < (g + 1) * DIGITS_PER_GROUP; v++) {
            int d = v - offset;
            value = value * 10 + (d >= 0 && d < digits.length() ? digits.charAt(d) - '0' : 0);
        }
        return value;
    }
}
