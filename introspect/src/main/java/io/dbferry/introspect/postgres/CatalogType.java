package io.dbferry.introspect.postgres;

import java.util.Objects;

/**
 * A type a column uses that is not built in (it lives outside {@code pg_catalog}): the column's own type, or the
 * element type of an array column. Such a type must exist in the target before the column can be created.
 *
 * @param schema the type's schema, exact spelling, never null
 * @param name the type's name, exact spelling, never null
 * @param kind the type's kind as {@code pg_type.typtype} says (PostgreSQL docs §53.64), never null
 */
public record CatalogType(String schema, String name, Kind kind) {

    /** The kinds of type {@code pg_type.typtype} distinguishes. */
    public enum Kind {
        /** {@code b}: a base type, e.g. an extension's {@code citext}. */
        BASE,
        /** {@code c}: a composite (row) type. */
        COMPOSITE,
        /** {@code d}: a domain. */
        DOMAIN,
        /** {@code e}: an enum. */
        ENUM,
        /** {@code r} or {@code m}: a range or multirange. */
        RANGE,
        /** {@code p}: a pseudo-type. */
        PSEUDO;

        /**
         * The kind of a {@code pg_type.typtype} letter.
         *
         * @param typtype the letter, e.g. {@code "e"}
         * @return never null
         * @throws IllegalArgumentException for a letter PostgreSQL 15 does not use
         */
        static Kind of(String typtype) {
            return switch (typtype) {
                case "b" -> BASE;
                case "c" -> COMPOSITE;
                case "d" -> DOMAIN;
                case "e" -> ENUM;
                case "r", "m" -> RANGE;
                case "p" -> PSEUDO;
                default -> throw new IllegalArgumentException("unknown pg_type.typtype " + typtype);
            };
        }
    }

    /** Validates the parts. */
    public CatalogType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
