package io.dbferry.introspect.mapping;

import io.dbferry.introspect.translate.ValueKind;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The PostgreSQL column types dbferry writes (PostgreSQL docs, chapter 8 "Data Types"), each with the jOOQ
 * data type used to render it in DDL.
 */
public enum PostgresType {
    /** 2-byte integer. */
    SMALLINT("smallint", SQLDataType.SMALLINT),
    /** 4-byte integer. */
    INTEGER("integer", SQLDataType.INTEGER),
    /** 8-byte integer: the home of every SQLite integer, which is 64-bit. */
    BIGINT("bigint", SQLDataType.BIGINT),
    /** 8-byte IEEE 754 float; SQLite REAL is always 8 bytes, so never 4-byte {@code real}. */
    DOUBLE_PRECISION("double precision", SQLDataType.DOUBLE),
    /** Exact decimal, optionally with precision and scale. */
    NUMERIC("numeric", SQLDataType.NUMERIC),
    /** Text with a length limit in characters. */
    VARCHAR("varchar", SQLDataType.VARCHAR),
    /** Blank-padded text of a fixed length in characters. */
    CHAR("char", SQLDataType.CHAR),
    /** Text of any length. */
    TEXT("text", SQLDataType.CLOB),
    /** Binary string. */
    BYTEA("bytea", SQLDataType.BLOB),
    /** true/false. */
    BOOLEAN("boolean", SQLDataType.BOOLEAN),
    /** Calendar date. */
    DATE("date", SQLDataType.DATE),
    /** Date and time without time zone, microsecond resolution. */
    TIMESTAMP("timestamp", SQLDataType.LOCALDATETIME),
    /**
     * An instant, stored as UTC and shown in the session's time zone, microsecond resolution; only a cast
     * rule chooses it.
     */
    TIMESTAMPTZ("timestamp with time zone", SQLDataType.TIMESTAMPWITHTIMEZONE),
    /** Time of day without time zone, microsecond resolution. */
    TIME("time", SQLDataType.LOCALTIME),
    /** Binary JSON; validated on input. */
    JSONB("jsonb", SQLDataType.JSONB),
    /** RFC 9562 UUID. */
    UUID("uuid", SQLDataType.UUID);

    private final String sqlName;
    private final DataType<?> dataType;

    PostgresType(String sqlName, DataType<?> dataType) {
        this.sqlName = sqlName;
        this.dataType = dataType;
    }

    /**
     * The type's name as PostgreSQL spells it in DDL and {@code format_type()}.
     *
     * @return never null, e.g. {@code "double precision"}
     */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The jOOQ data type that renders this type, without modifiers.
     *
     * @return never null
     */
    public DataType<?> dataType() {
        return dataType;
    }

    /**
     * The family of this type, for the translation of defaults and expressions.
     *
     * @return never null
     */
    public ValueKind valueKind() {
        return switch (this) {
            case SMALLINT, INTEGER, BIGINT -> ValueKind.INTEGER;
            case DOUBLE_PRECISION, NUMERIC -> ValueKind.NUMBER;
            case VARCHAR, CHAR, TEXT -> ValueKind.TEXT;
            case BYTEA -> ValueKind.BYTES;
            case BOOLEAN -> ValueKind.BOOLEAN;
            case DATE -> ValueKind.DATE;
            case TIMESTAMP -> ValueKind.TIMESTAMP;
            case TIMESTAMPTZ -> ValueKind.TIMESTAMPTZ;
            case TIME -> ValueKind.TIME;
            case JSONB, UUID -> ValueKind.OTHER;
        };
    }
}
