package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import java.time.LocalTime;
import java.util.Set;

/**
 * Reads the values of a SQLite target, written by a PostgreSQL → SQLite migration, as the PostgreSQL source
 * column's type: the forward transform ({@link Transforms#forColumn}), except that a {@code numeric} column also
 * takes the TEXT {@code NaN}, {@code Infinity} and {@code -Infinity}, which that migration writes for PostgreSQL's
 * numeric NaN and infinities (PostgreSQL docs §8.1.2) and which the forward transform rejects because a
 * {@link java.math.BigDecimal} cannot hold them ({@link CanonicalValue} takes them as text); and a {@code time}
 * column also takes {@code 24:00:00}, PostgreSQL's end of the day (docs §8.5, Table 8.9), which the forward
 * transform rejects for want of a {@link LocalTime}: it is read as {@link LocalTime#MAX}, as pgjdbc reads it on the
 * PostgreSQL side.
 */
final class ReverseTransforms {

    private static final String END_OF_DAY = "24:00:00";
    private static final Set<String> SPECIAL_NUMERICS = Set.of("NaN", "Infinity", "-Infinity");

    private ReverseTransforms() {}

    /**
     * The transform of one column.
     *
     * @param column the column, its {@code targetType} the PostgreSQL source type; never null
     * @return a stateless transform, never null
     */
    static ValueTransform forColumn(MappedColumn column) {
        ValueTransform forward = Transforms.forColumn(column);
        if (column.targetType().type() == PostgresType.TIME) {
            return value -> END_OF_DAY.equals(value) ? TransformResult.converted(LocalTime.MAX) : forward.apply(value);
        }
        if (column.targetType().type() != PostgresType.NUMERIC) {
            return forward;
        }
        return value -> value instanceof String s && SPECIAL_NUMERICS.contains(s) ? TransformResult.converted(s)
                : forward.apply(value);
    }
}
