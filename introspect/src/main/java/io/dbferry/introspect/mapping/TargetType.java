package io.dbferry.introspect.mapping;

import java.util.Objects;
import org.jooq.DataType;

/**
 * A target column type with its modifiers, e.g. {@code numeric(10,2)} or {@code varchar(160)}.
 *
 * @param type the PostgreSQL type, never null
 * @param length the length in characters for {@code varchar}/{@code char}, 0 for none
 * @param precision the precision in decimal digits for {@code numeric}, 0 for unconstrained
 * @param scale the scale in decimal digits for {@code numeric}, 0 when none
 */
public record TargetType(PostgresType type, int length, int precision, int scale) {

    /** Validates the modifiers. */
    public TargetType {
        Objects.requireNonNull(type, "type");
        if (length < 0 || precision < 0 || scale < 0 || scale > Math.max(precision, 0) && precision > 0) {
            throw new IllegalArgumentException("invalid modifiers for " + type.sqlName() + ": length " + length
                    + ", precision " + precision + ", scale " + scale);
        }
    }

    /**
     * A type without modifiers.
     *
     * @param type the PostgreSQL type, never null
     * @return never null
     */
    public static TargetType of(PostgresType type) {
        return new TargetType(type, 0, 0, 0);
    }

    /**
     * The jOOQ data type with this type's modifiers applied, for DDL rendering.
     *
     * @return never null
     */
    public DataType<?> dataType() {
        DataType<?> base = type.dataType();
        if (length > 0) {
            return base.length(length);
        }
        if (precision > 0) {
            return base.precision(precision, scale);
        }
        return base;
    }

    /** Returns the type as PostgreSQL prints it, e.g. {@code numeric(10,2)}. */
    /**
     * This type as PostgreSQL's {@code format_type()} prints a column of it (PostgreSQL docs, "System
     * Information Functions and Operators"), so that it can be compared with a table's catalog: e.g.
     * {@code character varying(160)}, {@code character(1)} for a {@code char} without a length (§8.3: "character
     * without length specifier is equivalent to character(1)"), {@code numeric(10,2)},
     * {@code timestamp without time zone}.
     *
     * @return never null
     */
    public String formatted() {
        return switch (type) {
            case NUMERIC -> precision > 0 ? "numeric(" + precision + "," + scale + ")" : "numeric";
            case VARCHAR -> length > 0 ? "character varying(" + length + ")" : "character varying";
            case CHAR -> "character(" + Math.max(1, length) + ")";
            case TIMESTAMP -> "timestamp without time zone";
            case TIME -> "time without time zone";
            default -> type.sqlName();
        };
    }

    @Override
    public String toString() {
        if (length > 0) {
            return type.sqlName() + "(" + length + ")";
        }
        if (precision > 0) {
            return type.sqlName() + "(" + precision + "," + scale + ")";
        }
        return type.sqlName();
    }
}
