package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values to smallint, integer and bigint within their ranges (PostgreSQL docs §8.1.1). */
class IntegerTransformTest {

    @Test
    void keepsIntegersWithinEachRange() {
        assertThat(converted(IntegerTransform.SMALLINT.apply(-32768L))).isEqualTo(-32768L);
        assertThat(converted(IntegerTransform.SMALLINT.apply(32767L))).isEqualTo(32767L);
        assertThat(converted(IntegerTransform.INTEGER.apply(2147483647L))).isEqualTo(2147483647L);
        assertThat(converted(IntegerTransform.BIGINT.apply(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectsIntegerOutsideSmallintRange() {
        assertThat(rejectMessage(IntegerTransform.SMALLINT.apply(32768L), RejectReason.OUT_OF_RANGE))
                .isEqualTo("32768 is out of range for smallint [-32768, 32767]");
        rejectMessage(IntegerTransform.SMALLINT.apply(-32769L), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsIntegerOutsideIntegerRange() {
        assertThat(rejectMessage(IntegerTransform.INTEGER.apply(2147483648L), RejectReason.OUT_OF_RANGE))
                .isEqualTo("2147483648 is out of range for integer [-2147483648, 2147483647]");
    }

    @Test
    void acceptsIntegralReal() {
        assertThat(converted(IntegerTransform.INTEGER.apply(3.0))).isEqualTo(3L);
        assertThat(converted(IntegerTransform.INTEGER.apply(-0.0))).isEqualTo(0L);
        assertThat(converted(IntegerTransform.BIGINT.apply(-9.223372036854775808E18))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectsFractionalRealAsNotAnInteger() {
        assertThat(rejectMessage(IntegerTransform.INTEGER.apply(1.5), RejectReason.NOT_AN_INTEGER))
                .isEqualTo("1.5 is not an integer, as integer requires");
        rejectMessage(IntegerTransform.BIGINT.apply(Double.NaN), RejectReason.NOT_AN_INTEGER);
        rejectMessage(IntegerTransform.BIGINT.apply(Double.POSITIVE_INFINITY), RejectReason.NOT_AN_INTEGER);
    }

    @Test
    void rejectsIntegralRealOutsideRange() {
        rejectMessage(IntegerTransform.SMALLINT.apply(32768.0), RejectReason.OUT_OF_RANGE);
        // 2^63 is one above Long.MAX_VALUE.
        assertThat(rejectMessage(IntegerTransform.BIGINT.apply(9.223372036854775808E18), RejectReason.OUT_OF_RANGE))
                .startsWith("9.223372036854776E18 is out of range for bigint");
        rejectMessage(IntegerTransform.BIGINT.apply(1e300), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void parsesTrimmedIntegerText() {
        assertThat(converted(IntegerTransform.SMALLINT.apply(" +42\t"))).isEqualTo(42L);
        assertThat(converted(IntegerTransform.BIGINT.apply("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(converted(IntegerTransform.BIGINT.apply("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(converted(IntegerTransform.INTEGER.apply("0000000000000000000000007"))).isEqualTo(7L);
    }

    @Test
    void rejectsIntegerTextOutsideRange() {
        assertThat(rejectMessage(IntegerTransform.BIGINT.apply("9223372036854775808"), RejectReason.OUT_OF_RANGE))
                .isEqualTo("'9223372036854775808' is out of range for bigint [-9223372036854775808,"
                        + " 9223372036854775807]");
        rejectMessage(IntegerTransform.BIGINT.apply("-9223372036854775809"), RejectReason.OUT_OF_RANGE);
        rejectMessage(IntegerTransform.BIGINT.apply("123456789012345678901234567890"), RejectReason.OUT_OF_RANGE);
        rejectMessage(IntegerTransform.SMALLINT.apply("40000"), RejectReason.OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", "1.0", "1e3", "0x1F", "1_000", "12a", "--1", "\u0663", "1 2"})
    void rejectsOtherTextAsNotAnInteger(String text) {
        assertThat(rejectMessage(IntegerTransform.INTEGER.apply(text), RejectReason.NOT_AN_INTEGER))
                .isEqualTo(Rejections.quote(text) + " is not an integer, as integer requires");
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        assertThat(rejectMessage(IntegerTransform.BIGINT.apply(new byte[] {0x2A}), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("BLOB x'2A' (1 byte) cannot be converted to bigint");
    }
}
