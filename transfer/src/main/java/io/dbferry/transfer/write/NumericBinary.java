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

    /** The largest unscaled magnitude {@link #writeSmall} takes: its fraction padded by up to 3 digits fits a long. */
    private static final long MAX_SMALL = Long.MAX_VALUE / 1_000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000};
    /** Base-10000 digits of a long: at most 5 (10000^5 > 2^63). */
    private static final int MAX_SMALL_GROUPS = 5;

    /** Appends the field: its int32 length, then the value. */
    static void write(BigDecimal value, CopyBytes out) {
        BigInteger unscaled = value.unscaledValue();
        if (value.scale() >= 0 && value.scale() <= 18 && unscaled.bitLength() < 63
                && Math.abs(unscaled.longValue()) <= MAX_SMALL) {
            writeSmall(unscaled.longValue(), value.scale(), out);
        } else {
            writeAny(value, out);
        }
    }

    /**
     * {@link #write} for a value whose unscaled digits fit a long, in long arithmetic (a migration's and a
     * verification's numerics are mostly such; through the digit string they took a twentieth of verify's time).
     *
     * @param unscaled the unscaled value, |unscaled| ≤ {@link #MAX_SMALL}
     * @param scale the scale, 0–18
     */
    private static void writeSmall(long unscaled, int scale, CopyBytes out) {
        int pad = (4 - scale % 4) % 4;
        long rest = Math.abs(unscaled) * POWERS_OF_TEN[pad];
        int fractionGroups = (scale + pad) / DIGITS_PER_GROUP;
        int[] groups = new int[MAX_SMALL_GROUPS]; // least significant first
        int count = 0;
        while (rest != 0) {
            groups[count++] = (int) (rest % 10_000);
            rest /= 10_000;
        }
        int trailingZeros = 0;
        while (trailingZeros < count && groups[trailingZeros] == 0) {
            trailingZeros++;
        }
        int ndigits = count - trailingZeros;
        out.putInt(8 + 2 * ndigits);
        out.putShort(ndigits);
        out.putShort(ndigits == 0 ? 0 : count - fractionGroups - 1);
        out.putShort(unscaled < 0 ? NEGATIVE : POSITIVE);
        out.putShort(scale);
        for (int g = count - 1; g >= trailingZeros; g--) {
            out.putShort(groups[g]);
        }
    }

    /** {@link #write} for any value, through its digit string. */
    static void writeAny(BigDecimal value, CopyBytes out) {
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
