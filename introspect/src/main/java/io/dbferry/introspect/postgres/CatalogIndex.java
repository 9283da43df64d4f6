package io.dbferry.introspect.postgres;

import java.util.Objects;

/**
 * An index that does not back a constraint, with everything after {@code ON table} as {@code pg_get_indexdef}
 * prints it: access method, keys with operator classes and sort orders, {@code INCLUDE}, storage parameters and
 * the predicate of a partial index (PostgreSQL docs, CREATE INDEX).
 *
 * @param name the index name, never null
 * @param unique whether it is a UNIQUE index
 * @param methodAndKeys e.g. {@code USING btree (lower(name)) WHERE (active = true)}; never null
 */
public record CatalogIndex(String name, boolean unique, String methodAndKeys) {

    /** Validates the parts. */
    public CatalogIndex {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(methodAndKeys, "methodAndKeys");
        if (!methodAndKeys.startsWith("USING ")) {
            throw new IllegalArgumentException("index " + name + " must start with USING, was " + methodAndKeys);
        }
    }
}
