package io.dbferry.transfer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binary COPY format of PostgreSQL's docs (COPY, "Binary Format") and numeric_send's layout. */
class CopyBinaryEncoderTest {

    private static byte[] encode(TargetType type, Object value) {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(type));
        encoder.appendRow(new Object[] {value});
        CopyData data = encoder.take();
        return Arrays.copyOfRange(data.bytes(), 2, data.length()); // without the field count
    }

    /** The numeric field as {ndigits, weight, sign, dscale, digits…}. */
    private static int[] numeric(String value) {
        ByteBuffer field = ByteBuffer.wrap(encode(TargetType.of(PostgresType.NUMERIC), new BigDecimal(value)));
        int length = field.getInt();
        int[] words = new int[length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = field.getShort() & 0xFFFF;
        }
        return words;
    }

    @Test
    void framesAStreamWithSignatureFlagsExtensionAndTrailer() {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(TargetType.of(PostgresType.BIGINT)));
        encoder.begin();
        encoder.appendRow(new Object[] {null});
        encoder.end();
        CopyData data = encoder.take();

        assertThat(HexFormat.of().formatHex(data.bytes(), 0, data.length()))
                .isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000" + "0001" + "ffffffff" + "ffff");
    }

    @Test
    void writesIntegersInTheColumnsWidth() {
        assertThat(encode(TargetType.of(PostgresType.SMALLINT), -2L)).containsExactly(0, 0, 0, 2, 0xff, 0xfe);
        assertThat(encode(TargetType.of(PostgresType.INTEGER), 1L)).containsExactly(0, 0, 0, 4, 0, 0, 0, 1);
        assertThat(encode(TargetType.of(PostgresType.BIGINT), 1L)).hasSize(12);
    }

    @Test
    void writesDatesAsDaysSince2000() {
        assertThat(encode(TargetType.of(PostgresType.DATE), LocalDate.of(2000, 1, 2))).containsExactly(0, 0, 0, 4, 0, 0, 0, 1);
        assertThat(encode(TargetType.of(PostgresType.DATE), LocalDate.of(1999, 12, 31)))
                .containsExactly(0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff);
    }

    @Test
    void writesNumericsInBase10000GroupsAlignedAtTheDecimalPoint() {
        assertThat(numeric("12345.678")).containsExactly(3, 1, 0, 3, 1, 2345, 6780);
        assertThat(numeric("-0.0001")).containsExactly(1, 0xffff, 0x4000, 4, 1);
        assertThat(numeric("0.00001")).containsExactly(1, 0xfffe, 0, 5, 1000);
        assertThat(numeric("1E+8")).containsExactly(1, 2, 0, 0, 1);
        assertThat(numeric("0.00")).containsExactly(0, 0, 0, 2);
        assertThat(numeric("10000")).containsExactly(1, 1, 0, 0, 1);
    }

    @Test
    void writesSmallNumericsInLongArithmeticAsTheGeneralWayDoes() {
        Random random = new Random(7);
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("-0.00"), new BigDecimal("9223372036854775.807"),
                new BigDecimal("0.000000000000000001"), new BigDecimal("-99999999.99990000"), BigDecimal.valueOf(
                        Long.MAX_VALUE / 1_000, 18), new BigDecimal("15186.20"), new BigDecimal("1E+3")));
        for (int i = 0; i < 10_000; i++) {
            values.add(BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(19)));
        }
        for (BigDecimal value : values) {
            CopyBytes fast = new CopyBytes(64);
            CopyBytes general = new CopyBytes(64);
            NumericBinary.write(value, fast);
            NumericBinary.writeAny(value, general);
            assertThat(Arrays.copyOf(fast.array(), fast.length())).as(value.toPlainString())
                    .isEqualTo(Arrays.copyOf(general.array(), general.length()));
        }
    }
}
