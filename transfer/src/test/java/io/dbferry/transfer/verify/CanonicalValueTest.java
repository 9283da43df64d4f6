package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The canonical forms: values PostgreSQL holds as equal get one text, values it tells apart get two. Expected
 * texts follow the rules in the class Javadoc, each from the PostgreSQL docs section it cites.
 */
class CanonicalValueTest {

    private static String of(PostgresType type, Object value) {
        return CanonicalValue.of(TargetType.of(type), value);
    }

    @Test
    void writesIntegersBooleansUuidsAndBytesOneWay() {
        assertThat(of(PostgresType.BIGINT, -9_223_372_036_854_775_808L)).isEqualTo("-9223372036854775808");
        assertThat(of(PostgresType.BOOLEAN, true)).isEqualTo("t");
        assertThat(of(PostgresType.BOOLEAN, false)).isEqualTo("f");
        assertThat(of(PostgresType.UUID, UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(of(PostgresType.BYTEA, new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("00ff10");
    }

    @Test
    void keepsTheSignOfZeroInDoublePrecisionButNotInNumeric() {
        assertThat(of(PostgresType.DOUBLE_PRECISION, -0.0)).isNotEqualTo(of(PostgresType.DOUBLE_PRECISION, 0.0));
        assertThat(of(PostgresType.DOUBLE_PRECISION, 0.1)).isEqualTo("0.1");
        assertThat(of(PostgresType.DOUBLE_PRECISION, Double.longBitsToDouble(0x7ff8000000000001L))).isEqualTo("NaN");
        assertThat(of(PostgresType.NUMERIC, new BigDecimal("-0.0"))).isEqualTo("0");
    }

    @Test
    void roundsNumericToItsScaleHalfAwayFromZeroAndComparesByValue() {
        TargetType money = new TargetType(PostgresType.NUMERIC, 0, 10, 2);
        assertThat(CanonicalValue.of(money, new BigDecimal("2.345"))).isEqualTo("2.35");
        assertThat(CanonicalValue.of(money, new BigDecimal("-2.345"))).isEqualTo("-2.35");
        assertThat(CanonicalValue.of(money, new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(of(PostgresType.NUMERIC, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(of(PostgresType.NUMERIC, "NaN")).isEqualTo("NaN");
    }

    @Test
    void treatsTrailingSpacesAsPostgresDoesInCharAndVarchar() {
        assertThat(CanonicalValue.of(new TargetType(PostgresType.CHAR, 5, 0, 0), "ab   ")).isEqualTo("ab");
        assertThat(CanonicalValue.of(new TargetType(PostgresType.VARCHAR, 3, 0, 0), "ab    ")).isEqualTo("ab ");
        assertThat(of(PostgresType.TEXT, "ab  ")).isEqualTo("ab  ");
    }

    @Test
    void writesTimesToTheMicrosecondAndTimestamptzInUtc() {
        assertThat(of(PostgresType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)))
                .isEqualTo("2024-01-02T03:04:05.123456");
        assertThat(of(PostgresType.TIMESTAMPTZ, OffsetDateTime.of(2024, 3, 10, 14, 30, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(of(PostgresType.TIMESTAMPTZ, OffsetDateTime.of(2024, 3, 10, 12, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-03-10T12:30:00.000000Z");
        assertThat(of(PostgresType.DATE, LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(of(PostgresType.TIME, LocalTime.of(23, 59, 59, 999_999_000))).isEqualTo("23:59:59.999999");
    }

    @Test
    void writesJsonAsJsonbPrintsItWhateverTheKeyOrderWhitespaceAndDuplicateKeys() {
        String sqlite = "{ \"b\": [1, 2.0, {\"y\": 1, \"x\": \"a\\u0041\"}],\n \"a\": null, \"a\": true }";
        String postgres = "{\"a\": true, \"b\": [1, 2.0, {\"x\": \"aA\", \"y\": 1}]}";
        assertThat(of(PostgresType.JSONB, sqlite)).isEqualTo(of(PostgresType.JSONB, postgres)).isEqualTo(postgres);
        assertThat(of(PostgresType.JSONB, "[1, 2]")).isNotEqualTo(of(PostgresType.JSONB, "[2, 1]"));
        assertThat(of(PostgresType.JSONB, "\"1\"")).isNotEqualTo(of(PostgresType.JSONB, "1"));
        assertThat(of(PostgresType.JSONB, "1e2")).isEqualTo("100");
    }

    @Test
    void ordersJsonKeysShorterFirstThenByteByByteAsJsonbDoes() {
        assertThat(of(PostgresType.JSONB, "{\"sku\":\"A1\",\"qty\":9,\"gift\":false,\"tags\":[],\"b\":{}}"))
                .isEqualTo("{\"b\": {}, \"qty\": 9, \"sku\": \"A1\", \"gift\": false, \"tags\": []}");
        assertThat(of(PostgresType.JSONB, "{\"é\":1,\"ab\":2,\"z\":3}")).isEqualTo("{\"z\": 3, \"ab\": 2, \"é\": 1}");
    }

    @Test
    void keepsTheScaleOfJsonNumbersButNotTheirExponentOrNegativeZero() {
        assertThat(of(PostgresType.JSONB, "[1.50, 1.5e-3, 1.0E+2, -0, -0.0, 12345678901234567890123]"))
                .isEqualTo("[1.50, 0.0015, 100, 0, 0.0, 12345678901234567890123]");
        assertThat(of(PostgresType.JSONB, "1.0")).isNotEqualTo(of(PostgresType.JSONB, "1"));
    }

    @Test
    void escapesJsonStringsAsJsonbPrintsThem() {
        assertThat(of(PostgresType.JSONB, "\"q\\\"b\\\\n\\n\\t\\u0001\\/é😀\""))
                .isEqualTo("\"q\\\"b\\\\n\\n\\t\\u0001/é😀\"");
    }

    @Test
    void writesTimestampsAsTheFormatterWouldForEveryYear() {
        assertThat(of(PostgresType.TIMESTAMP, LocalDateTime.of(1, 1, 1, 0, 0, 0, 999)))
                .isEqualTo("0001-01-01T00:00:00.000000");
        assertThat(of(PostgresType.TIMESTAMP, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)))
                .isEqualTo("9999-12-31T23:59:59.999999");
        assertThat(of(PostgresType.TIMESTAMP, LocalDateTime.of(-44, 3, 15, 12, 0)))
                .isEqualTo("-0044-03-15T12:00:00.000000");
        assertThat(of(PostgresType.TIMESTAMP, LocalDateTime.of(10_000, 1, 1, 0, 0)))
                .isEqualTo("+10000-01-01T00:00:00.000000");
        assertThat(of(PostgresType.TIMESTAMPTZ, OffsetDateTime.of(2024, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2023-12-31T23:30:00.000000Z");
    }

    @Test
    void givesARejectedValueATextNoTargetValueHas() {
        String rejected = CanonicalValue.rejected("'maybe' is not a boolean [NOT_A_BOOLEAN]");

        assertThat(CanonicalValue.isRejected(rejected)).isTrue();
        assertThat(CanonicalValue.isRejected(of(PostgresType.TEXT, "maybe"))).isFalse();
        assertThat(ValueDisplay.of(rejected)).isEqualTo("(cannot be stored in the target: 'maybe' is not a boolean "
                + "[NOT_A_BOOLEAN])");
    }

    @Test
    void refusesAValueOfTheWrongJavaType() {
        assertThatThrownBy(() -> of(PostgresType.BOOLEAN, "t")).isInstanceOf(ClassCastException.class);
    }

    @Test
    void hashesRowsSoThatValueBoundariesAndNullsCount() {
        assertThat(ChunkDigest.hash("ab", "c")).isNotEqualTo(ChunkDigest.hash("a", "bc"));
        assertThat(ChunkDigest.hash((String) null)).isNotEqualTo(ChunkDigest.hash(""));
        assertThat(ChunkDigest.hash("é")).isNotEqualTo(ChunkDigest.hash("e"));
    }
}
