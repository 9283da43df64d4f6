package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
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
            Map.entry(PostgresType.TIME, TimeTransform.class),
            Map.entry(PostgresType.JSONB, JsonTransform.class),
            Map.entry(PostgresType.UUID, UuidTransform.class));

    @ParameterizedTest
    @EnumSource(PostgresType.class)
    void picksTheTransformOfEachType(PostgresType type) {
        assertThat(Transforms.forType(TargetType.of(type))).isExactlyInstanceOf(EXPECTED.get(type));
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
