package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transform picked for each target type. */
class TransformsTest {

    private static final Map<PostgresType, Class<?>> EXPECTED = Map.ofEntries(
            Map.entry(PostgresType.SMALLINT, IntegerTransform.class),
            Map.entry(PostgresType.INTEGER, IntegerTransform.class),
            Map.entry(PostgresType.BIGINT, IntegerTransform.class),
            Map.entry(PostgresType.DOUBLE_PRECISION, DoubleTransform.class),
            Map.entry(PostgresType.NUMERIC, NumericTransform.class),
            Map.entry(PostgresType.VARCHAR, TextTransform.class),
            Map.entry(PostgresType.CHAR, TextTransform.class),
            Map.entry(PostgresType.TEXT, TextTransform.class),
            Map.entry(PostgresType.BYTEA, BytesTransform.class),
            Map.entry(PostgresType.BOOLEAN, BooleanTransform.class),
            Map.entry(PostgresType.DATE, DateTransform.class),
            Map.entry(PostgresType.TIMESTAMP, TimestampTransform.class),
            Map.entry(PostgresType.TIMESTAMPTZ, TimestamptzTransform.class),
            Map.entry(PostgresType.TIME, TimeTransform.class),
            Map.entry(PostgresType.JSONB, JsonTransform.class),
            Map.entry(PostgresType.UUID, UuidTransform.class));

    @ParameterizedTest
    @EnumSource(PostgresType.class)
    void picksTheTransformOfEachType(PostgresType type) {
        assertThat(Transforms.forType(TargetType.of(type))).isExactlyInstanceOf(EXPECTED.get(type));
    }

    @ParameterizedTest
    @EnumSource(PostgresType.class)
    void rejectsJavaTypesThatAreNoStorageClass(PostgresType type) {
        rejectMessage(Transforms.forType(TargetType.of(type)).apply(7), RejectReason.UNSUPPORTED_STORAGE_CLASS);
    }

    @ParameterizedTest
    @EnumSource(PostgresType.class)
    void answersOddValuesWithoutThrowing(PostgresType type) {
        ValueTransform transform = Transforms.forType(new TargetType(type, type == PostgresType.VARCHAR ? 5 : 0,
                type == PostgresType.NUMERIC ? 4 : 0, type == PostgresType.NUMERIC ? 2 : 0));
        List<Object> values = List.of(Long.MIN_VALUE, Long.MAX_VALUE, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, "", " ", "\0", "\uD800", "😀", "-",
                "+", ".", "e", "9".repeat(400), "1e999999999999", "-1e-999999999", "{", "{}", "[\"\\u0000\"]",
                "2023-02-30", "24:00", "T", "Z", "9999-12-31 23:59:59.9999999+14:59", "0000-01-01T00:00-14:59",
                new byte[0], new byte[] {(byte) 0xFF}, new byte[16], "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        for (Object value : values) {
            assertThat(transform.apply(value)).as("%s", value).isNotNull();
        }
    }

    @Test
    void appliesEachIntegerTypesRange() {
        assertThat(Transforms.forType(TargetType.of(PostgresType.SMALLINT))).isSameAs(IntegerTransform.SMALLINT);
        assertThat(Transforms.forType(TargetType.of(PostgresType.INTEGER))).isSameAs(IntegerTransform.INTEGER);
        assertThat(Transforms.forType(TargetType.of(PostgresType.BIGINT))).isSameAs(IntegerTransform.BIGINT);
    }

    @Test
    void appliesVarcharLength() {
        ValueTransform transform = Transforms.forType(new TargetType(PostgresType.VARCHAR, 3, 0, 0));
        rejectMessage(transform.apply("abcd"), RejectReason.TEXT_TOO_LONG);
        assertThat(converted(transform.apply("abc"))).isEqualTo("abc");
    }

    @Test
    void treatsCharWithoutLengthAsCharOne() {
        ValueTransform transform = Transforms.forType(TargetType.of(PostgresType.CHAR));
        assertThat(transform).isEqualTo(new TextTransform(1));
        rejectMessage(transform.apply("ab"), RejectReason.TEXT_TOO_LONG);
    }

    @Test
    void leavesVarcharWithoutLengthAndTextUnlimited() {
        assertThat(Transforms.forType(TargetType.of(PostgresType.VARCHAR))).isEqualTo(TextTransform.UNLIMITED);
        assertThat(Transforms.forType(TargetType.of(PostgresType.TEXT))).isEqualTo(TextTransform.UNLIMITED);
    }

    @Test
    void appliesNumericPrecisionAndScale() {
        ValueTransform transform = Transforms.forType(new TargetType(PostgresType.NUMERIC, 0, 5, 2));
        assertThat(transform).isEqualTo(new NumericTransform(5, 2));
        rejectMessage(transform.apply(1234.5), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void treatsNumericWithoutPrecisionAsUnconstrained() {
        assertThat(Transforms.forType(new TargetType(PostgresType.NUMERIC, 0, 0, 2)))
                .isEqualTo(NumericTransform.UNCONSTRAINED);
    }

    @Test
    void refusesNullType() {
        assertThatThrownBy(() -> Transforms.forType(null)).isInstanceOf(NullPointerException.class).hasMessage("type");
    }
}
