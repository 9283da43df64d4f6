package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values to numeric and numeric(p,s) (PostgreSQL docs §8.1.2). */
class NumericTransformTest {

    private final NumericTransform unconstrained = NumericTransform.UNCONSTRAINED;
    private final NumericTransform money = new NumericTransform(5, 2);

    @Test
    void convertsIntegerExactly() {
        assertThat(converted(unconstrained.apply(Long.MIN_VALUE))).isEqualTo(new BigDecimal("-9223372036854775808"));
    }

    @Test
    void keepsShortestDecimalOfReal() {
        assertThat(converted(unconstrained.apply(1.98))).isEqualTo(new BigDecimal("1.98"));
        assertThat(converted(unconstrained.apply(0.1 + 0.2))).isEqualTo(new BigDecimal("0.30000000000000004"));
    }

    @Test
    void keepsLargeRealAsItsPlainValue() {
        assertThat(((BigDecimal) converted(unconstrained.apply(1e20))).toPlainString())
                .isEqualTo("100000000000000000000");
    }

    @Test
    void rejectsNaNAndInfinityAsNotANumber() {
        assertThat(rejectMessage(unconstrained.apply(Double.NaN), RejectReason.NOT_A_NUMBER))
                .isEqualTo("NaN is not a number numeric can hold (accepted: decimal numbers such as -12.5 or 1.25e3)");
        rejectMessage(unconstrained.apply(Double.POSITIVE_INFINITY), RejectReason.NOT_A_NUMBER);
        rejectMessage(unconstrained.apply(Double.NEGATIVE_INFINITY), RejectReason.NOT_A_NUMBER);
    }

    @Test
    void parsesTrimmedText() {
        assertThat(converted(unconstrained.apply(" -12.50\n"))).isEqualTo(new BigDecimal("-12.50"));
        assertThat(converted(unconstrained.apply("1.25e3"))).isEqualTo(new BigDecimal("1.25E+3"));
        assertThat(converted(unconstrained.apply(".5"))).isEqualTo(new BigDecimal("0.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " ", "1.2.3", "NaN", "Infinity", "1e", "--1", "1,5", "\u0661\u0662", "0x10"})
    void rejectsNonNumericText(String text) {
        assertThat(rejectMessage(unconstrained.apply(text), RejectReason.NOT_A_NUMBER))
                .startsWith(Rejections.quote(text) + " is not a number numeric can hold");
    }

    @Test
    void rejectsMoreIntegerDigitsThanPrecisionAllows() {
        assertThat(rejectMessage(money.apply(1234.5), RejectReason.OUT_OF_RANGE))
                .isEqualTo("1234.5 needs 4 digits before the decimal point but numeric(5,2) allows 3"
                        + " (PostgreSQL would fail with \"numeric field overflow\")");
        rejectMessage(money.apply(-1000L), RejectReason.OUT_OF_RANGE);
        rejectMessage(money.apply("1e3"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void acceptsLargestValueOfPrecision() {
        assertThat(converted(money.apply("999.99"))).isEqualTo(new BigDecimal("999.99"));
        assertThat(converted(money.apply(-999L))).isEqualTo(new BigDecimal("-999"));
    }

    @Test
    void rejectsValueThatRoundsUpToAnExtraDigit() {
        assertThat(converted(money.apply("999.994"))).isEqualTo(new BigDecimal("999.994"));
        assertThat(rejectMessage(money.apply("999.995"), RejectReason.OUT_OF_RANGE)).startsWith("'999.995' needs 4 digits");
    }

    @Test
    void roundsNegativeValuesAwayFromZeroBeforeCountingDigits() {
        rejectMessage(money.apply(-999.995), RejectReason.OUT_OF_RANGE);
        assertThat(converted(money.apply(-999.994))).isEqualTo(new BigDecimal("-999.994"));
    }

    @Test
    void appliesFractionLimitBeforeDeclaredScale() {
        // PostgreSQL 15: '1e-16383'::numeric(5,2) = 0.00, '1e-16384'::numeric(5,2) fails
        assertThat(converted(money.apply("-1e-16383"))).isEqualTo(new BigDecimal("-1e-16383"));
        rejectMessage(money.apply("-1e-999999999"), RejectReason.OUT_OF_RANGE);
        rejectMessage(money.apply("0." + "5".repeat(20_000)), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsHugeExponentForDeclaredPrecision() {
        rejectMessage(money.apply("1e999999999"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void leavesExtraFractionDigitsForPostgresToRound() {
        assertThat(converted(money.apply("1.23456"))).isEqualTo(new BigDecimal("1.23456"));
    }

    @Test
    void allowsOnlyFractionsWhenScaleEqualsPrecision() {
        NumericTransform fraction = new NumericTransform(2, 2);
        assertThat(converted(fraction.apply(0.99))).isEqualTo(new BigDecimal("0.99"));
        rejectMessage(fraction.apply(1L), RejectReason.OUT_OF_RANGE);
        rejectMessage(fraction.apply("0.999"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsValuesBeyondUnconstrainedNumericLimits() {
        assertThat(converted(unconstrained.apply("1e131071"))).isEqualTo(new BigDecimal("1e131071"));
        assertThat(rejectMessage(unconstrained.apply("1e131072"), RejectReason.OUT_OF_RANGE))
                .isEqualTo("'1e131072' exceeds numeric's limits of 131072 digits before and 16383 after the decimal"
                        + " point (PostgreSQL would fail with \"value overflows numeric format\")");
        assertThat(converted(unconstrained.apply("1e-16383"))).isEqualTo(new BigDecimal("1e-16383"));
        rejectMessage(unconstrained.apply("1e-16384"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        assertThat(rejectMessage(money.apply(new byte[] {1}), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("BLOB x'01' (1 byte) cannot be converted to numeric(5,2)");
    }

    @Test
    void refusesScaleAbovePrecision() {
        assertThatThrownBy(() -> new NumericTransform(2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("numeric precision must be ≥ 0 and scale in [0, precision], was (2,3)");
    }
}
