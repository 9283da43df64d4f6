package io.dbferry.introspect.postgres;

import java.util.List;
import java.util.Objects;

/**
 * A domain of the schema (PostgreSQL docs, CREATE DOMAIN).
 *
 * @param name the domain name, exact spelling, never null
 * @param baseType the underlying type as {@code format_type} prints it, never null
 * @param notNull whether the domain is NOT NULL
 * @param defaultSql the default expression, null when there is none
 * @param checks the CHECK constraints ordered by name, never null, possibly empty
 */
public record CatalogDomain(String name, String baseType, boolean notNull, String defaultSql,
        List<CatalogConstraint> checks) {

    /** Copies the list. */
    public CatalogDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }
}
