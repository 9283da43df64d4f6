package io.dbferry.introspect.postgres;

import io.dbferry.introspect.model.ColumnType;
import java.util.Set;
import org.jooq.meta.DataTypeDefinition;

/**
 * Turns jOOQ-meta's reading of a PostgreSQL column type into a {@link ColumnType} that keeps only declared
 * modifiers.
 *
 * <p>jOOQ-meta passes on {@code information_schema.columns}: the SQL spelling ({@code character varying},
 * {@code timestamp without time zone}), {@code USER-DEFINED} for enums and other user types, and
 * {@code <element> ARRAY} for arrays. Its precision is also the binary precision of integer and float types
 * (32 for {@code integer}, 53 for {@code double precision}) and 6 for every time type without a declared
 * precision; neither was declared, so both are dropped.
 */
final class PostgresColumnTypes {

    /** Types whose length is a declared character or bit count (PostgreSQL docs §8.3, §8.10). */
    private static final Set<String> LENGTH_TYPES = Set.of("character varying", "character", "bit", "bit varying");

    /** Types whose precision counts fractional-second digits (PostgreSQL docs §8.5). */
    private static final Set<String> TIME_TYPES = Set.of("time without time zone", "time with time zone",
            "timestamp without time zone", "timestamp with time zone", "interval");

    /**
     * 6 is both the default and the maximum of a time type's precision (§8.5), so {@code timestamp} and
     * {@code timestamp(6)} read the same. {@code timestamp(0)} cannot be told from {@code timestamp}: jOOQ-meta
     * reports 0 for it, which the model reads as "none".
     */
    private static final int DEFAULT_TIME_PRECISION = 6;

    private static final String ARRAY_SUFFIX = " ARRAY";

    private PostgresColumnTypes() {}

    /**
     * The type as declared.
     *
     * @param type jOOQ-meta's reading, never null
     * @return e.g. {@code character varying(40)}, {@code numeric(10,2)}, {@code mood}, {@code text[]}; never null
     */
    static ColumnType of(DataTypeDefinition type) {
        String name = name(type);
        if (LENGTH_TYPES.contains(name)) {
            return new ColumnType(name, Math.max(0, type.getLength()), 0, 0);
        }
        if (name.equals("numeric")) {
            return new ColumnType(name, 0, Math.max(0, type.getPrecision()), Math.max(0, type.getScale()));
        }
        if (TIME_TYPES.contains(name) && type.getPrecision() < DEFAULT_TIME_PRECISION) {
            return new ColumnType(name, 0, Math.max(0, type.getPrecision()), 0);
        }
        return ColumnType.of(name);
    }

    private static String name(DataTypeDefinition type) {
        String name = type.getType();
        if (name.equals("USER-DEFINED")) {
            return type.getUserType();
        }
        if (name.endsWith(ARRAY_SUFFIX)) {
            // The element is named by its udt_name here (varchar, int4, mood), which PostgreSQL accepts too; the
            // modifiers jOOQ-meta reports belong to the element and are not kept.
            return name.substring(0, name.length() - ARRAY_SUFFIX.length()) + "[]";
        }
        return name;
    }
}
