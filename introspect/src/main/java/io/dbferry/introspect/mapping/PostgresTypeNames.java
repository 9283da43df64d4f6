package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.ColumnType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL type names into {@link TargetType}s: the names a user writes in a cast rule
 * ({@code varchar(20)}, {@code int8}, {@code timestamp}) and the spellings the PostgreSQL catalog reports
 * ({@code character varying}, {@code timestamp without time zone}); PostgreSQL docs §8, Table 8.1 lists
 * both. Stateless and thread-safe.
 */
public final class PostgresTypeNames {

    /** Every accepted spelling, lower case with single spaces, to the type it names. */
    private static final Map<String, PostgresType> NAMES = Map.ofEntries(
            Map.entry("smallint", PostgresType.SMALLINT),
            Map.entry("int2", PostgresType.SMALLINT),
            Map.entry("integer", PostgresType.INTEGER),
            Map.entry("int", PostgresType.INTEGER),
            Map.entry("int4", PostgresType.INTEGER),
            Map.entry("bigint", PostgresType.BIGINT),
            Map.entry("int8", PostgresType.BIGINT),
            Map.entry("double precision", PostgresType.DOUBLE_PRECISION),
            Map.entry("float8", PostgresType.DOUBLE_PRECISION),
            Map.entry("numeric", PostgresType.NUMERIC),
            Map.entry("decimal", PostgresType.NUMERIC),
            Map.entry("varchar", PostgresType.VARCHAR),
            Map.entry("character varying", PostgresType.VARCHAR),
            Map.entry("char", PostgresType.CHAR),
            Map.entry("character", PostgresType.CHAR),
            Map.entry("bpchar", PostgresType.CHAR),
            Map.entry("text", PostgresType.TEXT),
            Map.entry("bytea", PostgresType.BYTEA),
            Map.entry("boolean", PostgresType.BOOLEAN),
            Map.entry("bool", PostgresType.BOOLEAN),
            Map.entry("date", PostgresType.DATE),
            Map.entry("timestamp", PostgresType.TIMESTAMP),
            Map.entry("timestamp without time zone", PostgresType.TIMESTAMP),
            Map.entry("timestamptz", PostgresType.TIMESTAMPTZ),
            Map.entry("timestamp with time zone", PostgresType.TIMESTAMPTZ),
            Map.entry("time", PostgresType.TIME),
            Map.entry("time without time zone", PostgresType.TIME),
            Map.entry("jsonb", PostgresType.JSONB),
            Map.entry("uuid", PostgresType.UUID));

    /**
     * Names users write for types dbferry does not write, to the supported type they most likely want. JSON
     * becomes jsonb because dbferry validates it and jsonb is what applications query; {@code real} is 4
     * bytes and would round SQLite's 8-byte floats.
     */
    private static final Map<String, String> SUGGESTIONS = Map.of(
            "json", "jsonb",
            "datetime", "timestamp",
            "real", "double precision",
            "float4", "double precision",
            "float", "double precision",
            "string", "text");

    /** {@code name}, optionally followed by {@code (a)} or {@code (a, b)}. */
    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private PostgresTypeNames() {}

    /**
     * Reads a type name with optional modifiers, e.g. {@code numeric(10,2)}, {@code varchar(40)}, {@code TEXT}.
     *
     * @param text the type as written, any case, never null
     * @return the type, empty when the name is not one dbferry writes (e.g. {@code inet}, {@code integer[]})
     *     or its modifiers do not fit it
     */
    public static Optional<TargetType> parse(String text) {
        Matcher m = TYPE.matcher(text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            return Optional.empty();
        }
        PostgresType type = NAMES.get(m.group(1).trim());
        if (type == null) {
            return Optional.empty();
        }
        int first = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        // A written length or numeric precision must be at least 1 (§8.1.2, §8.3): varchar(0) is an error
        // there. timestamp(0) and time(0) are fine: their modifier counts fractional-second digits (§8.5).
        if (m.group(2) != null && first == 0 && type != PostgresType.TIMESTAMP && type != PostgresType.TIMESTAMPTZ
                && type != PostgresType.TIME) {
            return Optional.empty();
        }
        return of(type, first, second);
    }

    /**
     * The supported types as PostgreSQL spells them, for messages that list them.
     *
     * @return e.g. {@code "smallint, integer, …, uuid"}; never null
     */
    public static String supported() {
        return String.join(", ", Arrays.stream(PostgresType.values()).map(PostgresType::sqlName).toList());
    }

    /**
     * The supported type a user most likely meant by a name dbferry does not write.
     *
     * @param name a type name without modifiers, any case, never null
     * @return e.g. {@code jsonb} for {@code json}; empty when there is no obvious one
     */
    public static Optional<String> suggestion(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.ofNullable(SUGGESTIONS.get(normalized));
    }

    /**
     * Reads a column type as the PostgreSQL schema reader reports it.
     *
     * @param type a PostgreSQL column's type, never null
     * @return the type, empty when it is not one dbferry writes
     */
    public static Optional<TargetType> of(ColumnType type) {
        return parse(type.name()).flatMap(t -> t.length() > 0 || t.precision() > 0 ? Optional.of(t)
                : of(t.type(), type.length() > 0 ? type.length() : type.precision(), type.scale()));
    }

    private static Optional<TargetType> of(PostgresType type, int first, int second) {
        return switch (type) {
            case VARCHAR, CHAR -> second > 0 ? Optional.empty() : Optional.of(new TargetType(type, first, 0, 0));
            case NUMERIC -> first == 0 && second > 0 || second > first ? Optional.empty()
                    : Optional.of(new TargetType(type, 0, first, second));
            // Time precision (fractional-second digits) is not modelled; dbferry always writes microseconds.
            case TIMESTAMP, TIMESTAMPTZ, TIME -> second > 0 ? Optional.empty() : Optional.of(TargetType.of(type));
            default -> first > 0 || second > 0 ? Optional.empty() : Optional.of(TargetType.of(type));
        };
    }
}
