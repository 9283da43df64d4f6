package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values to double precision (PostgreSQL docs §8.1.3). */
class DoubleTransformTest {

    private final DoubleTransform transform = new DoubleTransform();

    @Test
    void keepsRealsIncludingInfinities() {
        assertThat(converted(transform.apply(1.98))).isEqualTo(1.98);
        assertThat(converted(transform.apply(Double.NEGATIVE_INFINITY))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(converted(transform.apply(Double.MIN_VALUE))).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void convertsIntegersADoubleHoldsExactly() {
        assertThat(converted(transform.apply(9007199254740992L))).isEqualTo(9.007199254740992E15);
        assertThat(converted(transform.apply(-9007199254740992L))).isEqualTo(-9.007199254740992E15);
        assertThat(converted(transform.apply(1L << 62))).isEqualTo(4.611686018427387904E18);
        assertThat(converted(transform.apply(Long.MIN_VALUE))).isEqualTo(-9.223372036854775808E18);
    }

    @Test
    void rejectsIntegerADoubleWouldRound() {
        assertThat(rejectMessage(transform.apply(9007199254740993L), RejectReason.LOSSY_CONVERSION))
                .isEqualTo("9007199254740993 has no exact double precision value (the nearest is 9.007199254740992E15)");
        rejectMessage(transform.apply(Long.MAX_VALUE), RejectReason.LOSSY_CONVERSION);
    }

    @Test
    void parsesDecimalText() {
        assertThat(converted(transform.apply(" 1.5e3\n"))).isEqualTo(1500.0);
        assertThat(converted(transform.apply("-.5"))).isEqualTo(-0.5);
        assertThat(converted(transform.apply("5."))).isEqualTo(5.0);
        assertThat(converted(transform.apply("+2E-2"))).isEqualTo(0.02);
        assertThat(converted(transform.apply("0e-400"))).isEqualTo(0.0);
        assertThat(converted(transform.apply("4.9e-324"))).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void acceptsSpecialValuesPostgresAccepts() {
        assertThat(converted(transform.apply("NaN"))).isEqualTo(Double.NaN);
        assertThat(converted(transform.apply(" nan "))).isEqualTo(Double.NaN);
        // PostgreSQL 15: '+nan'::float8 and '-nan'::float8 are NaN, '+inf'::float8 is Infinity
        assertThat(converted(transform.apply("+NaN"))).isEqualTo(Double.NaN);
        assertThat(converted(transform.apply("-nan"))).isEqualTo(Double.NaN);
        assertThat(converted(transform.apply("+inf"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(converted(transform.apply("Infinity"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(converted(transform.apply("+INFINITY"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(converted(transform.apply("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(converted(transform.apply("inf"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(converted(transform.apply("-inf"))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "nan(1)", "+-1", "0x1p3", "1.5d", "1.5f", "1e", "1e+", ".", "-", "1.2.3",
        "Infinityx", "1,5", "\u0661"})
    void rejectsOtherTextAsNotANumber(String text) {
        assertThat(rejectMessage(transform.apply(text), RejectReason.NOT_A_NUMBER))
                .isEqualTo(Rejections.quote(text) + " is not a number (accepted: decimal numbers such as -1.5e3, NaN,"
                        + " Infinity, -Infinity)");
    }

    @Test
    void rejectsTextThatOverflowsOrUnderflows() {
        assertThat(rejectMessage(transform.apply("1e400"), RejectReason.OUT_OF_RANGE))
                .isEqualTo("'1e400' is out of range for double precision");
        rejectMessage(transform.apply("-1e400"), RejectReason.OUT_OF_RANGE);
        rejectMessage(transform.apply("1e-400"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        rejectMessage(transform.apply(new byte[8]), RejectReason.UNSUPPORTED_STORAGE_CLASS);
    }
}
