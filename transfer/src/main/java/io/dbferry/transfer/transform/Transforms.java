package io.dbferry.transfer.transform;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.util.Objects;

/**
 * Picks the {@link ValueTransform} for a target column type. Every {@link PostgresType} has one: the switch
 * is exhaustive, so a new type fails compilation here until it is given a transform.
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
}
