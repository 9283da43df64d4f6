package io.dbferry.transfer.transform;

import io.dbferry.introspect.mapping.CastTransform;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.util.Objects;

/**
 * Picks the {@link ValueTransform} for a target column: by its type, or as its cast rule's {@code using}
 * says. Every {@link PostgresType} has one: the switch is exhaustive, so a new type fails compilation here
 * until it is given a transform.
 */
public final class Transforms {

    private static final ValueTransform DOUBLE = new DoubleTransform();
    private static final ValueTransform BYTES = new BytesTransform();
    private static final ValueTransform BOOLEAN = new BooleanTransform();
    private static final ValueTransform DATE = new DateTransform();
    private static final ValueTransform TIMESTAMP = new TimestampTransform();
    private static final ValueTransform TIMESTAMPTZ = new TimestamptzTransform();
    private static final ValueTransform TIME = new TimeTransform();
    private static final ValueTransform JSON = new JsonTransform();
    private static final ValueTransform UUID = new UuidTransform();

    private Transforms() {}

    /**
     * The transform writing values to a column of the given type, with its modifiers applied: the length of
     * {@code varchar(n)}/{@code char(n)}, the precision and scale of {@code numeric(p,s)}. A {@code char}
     * without a length is {@code char(1)} (PostgreSQL docs §8.3); a {@code numeric} without a precision is
     * unconstrained, whatever its scale.
     *
     * @param type the target column type, never null
     * @return a stateless, thread-safe transform, never null
     * @throws NullPointerException when type is null
     */
    public static ValueTransform forType(TargetType type) {
        Objects.requireNonNull(type, "type");
        return switch (type.type()) {
            case SMALLINT -> IntegerTransform.SMALLINT;
            case INTEGER -> IntegerTransform.INTEGER;
            case BIGINT -> IntegerTransform.BIGINT;
            case DOUBLE_PRECISION -> DOUBLE;
            case NUMERIC -> type.precision() == 0 ? NumericTransform.UNCONSTRAINED
                    : new NumericTransform(type.precision(), type.scale());
            case VARCHAR -> type.length() == 0 ? TextTransform.UNLIMITED : new TextTransform(type.length());
            case CHAR -> new TextTransform(Math.max(1, type.length()));
            case TEXT -> TextTransform.UNLIMITED;
            case BYTEA -> BYTES;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case TIME -> TIME;
            case JSONB -> JSON;
            case UUID -> UUID;
        };
    }

    /**
     * The transform writing values to a mapped column: {@link #forType(TargetType)}, unless the column's cast
     * rule names a time unit with {@code using}, which makes numbers (and text that is a number) read
     * strictly in that unit. {@code using boolean} is the boolean type's own transform.
     *
     * @param column the mapped column, never null
     * @return a stateless, thread-safe transform, never null
     * @throws IllegalArgumentException when the rule's transform does not fit the column type, which
     *     {@link io.dbferry.introspect.mapping.CastRule} already prevents
     */
    public static ValueTransform forColumn(MappedColumn column) {
        CastTransform using = column.castRule() == null ? null : column.castRule().transform();
        if (using == null || using == CastTransform.BOOLEAN) {
            return forType(column.targetType());
        }
        TimeNumberUnit unit = unitOf(using);
        return switch (column.targetType().type()) {
            case DATE -> new DateTransform(unit);
            case TIMESTAMP -> new TimestampTransform(unit);
            case TIMESTAMPTZ -> new TimestamptzTransform(unit);
            default -> throw new IllegalArgumentException("using " + using.keyword() + " does not fit "
                    + column.targetType());
        };
    }

    private static TimeNumberUnit unitOf(CastTransform using) {
        return switch (using) {
            case EPOCH_SECONDS -> TimeNumberUnit.UNIX_SECONDS;
            case EPOCH_MILLIS -> TimeNumberUnit.UNIX_MILLIS;
            case EPOCH_MICROS -> TimeNumberUnit.UNIX_MICROS;
            case JULIAN_DAY -> TimeNumberUnit.JULIAN_DAY;
            case BOOLEAN -> throw new IllegalArgumentException("using boolean names no time unit");
        };
    }
}
