package io.dbferry.introspect.postgres;

import java.util.Objects;

/**
 * A constraint of a table or domain with its definition as {@code pg_get_constraintdef} prints it, e.g.
 * {@code PRIMARY KEY (id)}, {@code FOREIGN KEY (artist_id) REFERENCES artist(artist_id) ON DELETE CASCADE},
 * {@code CHECK ((quantity > 0))} (PostgreSQL docs §9.26 "System Information Functions").
 *
 * @param name the constraint name, never null
 * @param kind what it constrains, never null
 * @param definition the definition, ready for {@code ADD CONSTRAINT name …}; never null
 * @param referencedSchema for a foreign key, the referenced table's schema; null otherwise
 */
public record CatalogConstraint(String name, Kind kind, String definition, String referencedSchema) {

    /** The kinds of constraint in the order a load creates them; NOT NULL is part of the column. */
    public enum Kind {
        /** {@code PRIMARY KEY}. */
        PRIMARY_KEY,
        /** {@code UNIQUE}. */
        UNIQUE,
        /** {@code CHECK}. */
        CHECK,
        /** {@code EXCLUDE}. */
        EXCLUSION,
        /** {@code FOREIGN KEY}: created once every table is loaded. */
        FOREIGN_KEY;

        /**
         * The kind of a {@code pg_constraint.contype} letter.
         *
         * @param contype one of {@code p u c x f}
         * @return never null
         * @throws IllegalArgumentException for another letter
         */
        static Kind of(String contype) {
            return switch (contype) {
                case "p" -> PRIMARY_KEY;
                case "u" -> UNIQUE;
                case "c" -> CHECK;
                case "x" -> EXCLUSION;
                case "f" -> FOREIGN_KEY;
                default -> throw new IllegalArgumentException("unexpected pg_constraint.contype " + contype);
            };
        }
    }

    /** Validates the parts. */
    public CatalogConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(definition, "definition");
    }
}
