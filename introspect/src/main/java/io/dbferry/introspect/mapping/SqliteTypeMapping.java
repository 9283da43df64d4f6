package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps PostgreSQL column types, as {@link io.dbferry.introspect.postgres.PostgresSchemaReader} spells them
 * ({@code information_schema} names such as {@code character varying}), to SQLite column types: the first rule
 * whose name equals the type's decides; arrays ({@code text[]}) are {@link SqliteType#ARRAY}, the schema's enums
 * {@link SqliteType#ENUM}, and everything else {@link SqliteType#OTHER}. Modifiers are kept: {@code VARCHAR(n)},
 * {@code CHAR(n)}, {@code NUMERIC(p,s)}. The table is in the README ("PostgreSQL → SQLite"); each rule cites its
 * reason on {@link SqliteType}.
 *
 * <p>Sources: PostgreSQL docs, chapter 8 "Data Types"; SQLite https://www.sqlite.org/datatype3.html. Immutable and
 * thread-safe.
 */
public final class SqliteTypeMapping {

    /** Above this precision a double cannot hold every value of a {@code numeric(p,s)} (datatype3.html §3.0). */
    public static final int MAX_REAL_PRECISION = 15;

    /** One row of the mapping: a PostgreSQL type name and what it becomes. */
    private record Rule(String postgresName, SqliteType target) {}

    private static final List<Rule> RULES = List.of(
            new Rule("boolean", SqliteType.BOOLEAN),
            new Rule("smallint", SqliteType.SMALLINT),
            new Rule("integer", SqliteType.INTEGER),
            new Rule("bigint", SqliteType.BIGINT),
            new Rule("real", SqliteType.REAL),
            new Rule("double precision", SqliteType.REAL),
            new Rule("numeric", SqliteType.NUMERIC),
            new Rule("text", SqliteType.TEXT),
            new Rule("character varying", SqliteType.VARCHAR),
            new Rule("character", SqliteType.CHAR),
            new Rule("bytea", SqliteType.BLOB),
            new Rule("date", SqliteType.DATE),
            new Rule("time without time zone", SqliteType.TIME),
            new Rule("timestamp without time zone", SqliteType.TIMESTAMP),
            new Rule("timestamp with time zone", SqliteType.TIMESTAMPTZ),
            new Rule("uuid", SqliteType.UUID),
            new Rule("json", SqliteType.JSON),
            new Rule("jsonb", SqliteType.JSON));

    private final Map<String, List<String>> enums;

    /**
     * A mapping that knows the enum types of the source schema.
     *
     * @param enums the labels of each enum type by type name, in declared order; never null, possibly empty
     */
    public SqliteTypeMapping(Map<String, List<String>> enums) {
        this.enums = Map.copyOf(Objects.requireNonNull(enums, "enums"));
    }

    /**
     * Maps one column. An identity column that is its table's whole primary key is always {@code INTEGER}, so that
     * SQLite makes it the rowid alias ({@code rowidAlias}).
     *
     * @param column the PostgreSQL column, never null
     * @param rowidAlias whether the column is an integer identity that is the table's whole primary key
     * @return never null
     */
    public SqliteColumnType map(Column column, boolean rowidAlias) {
        if (rowidAlias) {
            return SqliteColumnType.of(SqliteType.INTEGER);
        }
        return map(column.type());
    }

    /**
     * Maps a declared PostgreSQL type.
     *
     * @param declared the type as the schema reader spells it, never null
     * @return never null; {@link SqliteType#OTHER} for a type no rule names
     */
    public SqliteColumnType map(ColumnType declared) {
        String name = declared.name();
        if (name.endsWith("[]")) {
            return SqliteColumnType.of(SqliteType.ARRAY);
        }
        List<String> labels = enums.get(name);
        if (labels != null) {
            return new SqliteColumnType(SqliteType.ENUM, 0, 0, 0, labels);
        }
        SqliteType type = RULES.stream().filter(r -> r.postgresName().equals(name)).map(Rule::target).findFirst()
                .orElse(SqliteType.OTHER);
        return switch (type) {
            case VARCHAR, CHAR -> declared.length() > 0
                    ? new SqliteColumnType(type, declared.length(), 0, 0, List.of())
                    : SqliteColumnType.of(type == SqliteType.CHAR ? SqliteType.CHAR : SqliteType.TEXT);
            case NUMERIC -> numeric(declared);
            default -> SqliteColumnType.of(type);
        };
    }

    private static SqliteColumnType numeric(ColumnType declared) {
        if (declared.precision() > 0 && declared.precision() <= MAX_REAL_PRECISION) {
            return new SqliteColumnType(SqliteType.NUMERIC, 0, declared.precision(), declared.scale(), List.of());
        }
        return new SqliteColumnType(SqliteType.NUMERIC_TEXT, 0, declared.precision(), declared.scale(), List.of());
    }
}
