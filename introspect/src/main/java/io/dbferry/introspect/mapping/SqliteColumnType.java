package io.dbferry.introspect.mapping;

import java.util.List;
import java.util.Objects;

/**
 * What a PostgreSQL column becomes in SQLite: its {@link SqliteType} with the declared modifiers, and for an enum
 * the labels its CHECK allows.
 *
 * @param type the kind of SQLite column, never null
 * @param length the length of {@code VARCHAR(n)}/{@code CHAR(n)}, 0 for none
 * @param precision the precision of {@code NUMERIC(p,s)}, 0 for none
 * @param scale the scale of {@code NUMERIC(p,s)}, 0 for none
 * @param enumLabels the labels of an enum in their declared order, empty for every other type; never null
 */
public record SqliteColumnType(SqliteType type, int length, int precision, int scale, List<String> enumLabels) {

    /** Validates the parts and copies the labels. */
    public SqliteColumnType {
        Objects.requireNonNull(type, "type");
        enumLabels = List.copyOf(Objects.requireNonNull(enumLabels, "enumLabels"));
        if (length < 0 || precision < 0 || scale < 0) {
            throw new IllegalArgumentException("type modifiers must be >= 0, were (" + length + ", " + precision
                    + ", " + scale + ")");
        }
    }

    /**
     * A type without modifiers or labels.
     *
     * @param type the kind of SQLite column, never null
     * @return never null
     */
    public static SqliteColumnType of(SqliteType type) {
        return new SqliteColumnType(type, 0, 0, 0, List.of());
    }

    /**
     * The type as the SQLite column declares it.
     *
     * @return never null, e.g. {@code VARCHAR(160)}, {@code NUMERIC(10,2)}, {@code TIMESTAMP}
     */
    public String declared() {
        if (length > 0) {
            return type.declaredName() + "(" + length + ")";
        }
        if (precision > 0) {
            return type.declaredName() + "(" + precision + "," + scale + ")";
        }
        return type.declaredName();
    }

    /**
     * The PostgreSQL type whose values this column holds, as the verification compares them: a SQLite value is
     * read as this type (the forward direction's transform) and compared with the source value in canonical form.
     * Arrays compare as their JSON, enums and other types as text.
     *
     * @return never null
     */
    public TargetType postgresType() {
        return switch (type) {
            case BOOLEAN -> TargetType.of(PostgresType.BOOLEAN);
            case SMALLINT -> TargetType.of(PostgresType.SMALLINT);
            case INTEGER -> TargetType.of(PostgresType.INTEGER);
            case BIGINT -> TargetType.of(PostgresType.BIGINT);
            case REAL -> TargetType.of(PostgresType.DOUBLE_PRECISION);
            case NUMERIC, NUMERIC_TEXT -> new TargetType(PostgresType.NUMERIC, 0, precision, scale);
            case TEXT, ENUM, OTHER -> TargetType.of(PostgresType.TEXT);
            case VARCHAR -> new TargetType(PostgresType.VARCHAR, length, 0, 0);
            case CHAR -> new TargetType(PostgresType.CHAR, length, 0, 0);
            case BLOB -> TargetType.of(PostgresType.BYTEA);
            case DATE -> TargetType.of(PostgresType.DATE);
            case TIME -> TargetType.of(PostgresType.TIME);
            case TIMESTAMP -> TargetType.of(PostgresType.TIMESTAMP);
            case TIMESTAMPTZ -> TargetType.of(PostgresType.TIMESTAMPTZ);
            case UUID -> TargetType.of(PostgresType.UUID);
            case JSON, ARRAY -> TargetType.of(PostgresType.JSONB);
        };
    }

    /** Returns {@link #declared()}. */
    @Override
    public String toString() {
        return declared();
    }
}
