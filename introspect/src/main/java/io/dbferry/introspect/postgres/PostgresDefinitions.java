package io.dbferry.introspect.postgres;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact definitions of one schema's tables and user types, for re-creating them in another PostgreSQL
 * database or schema. Immutable and thread-safe.
 *
 * @param schema the schema read, never null
 * @param tables the ordinary and partitioned tables by name, never null, possibly empty
 * @param enums the enum types ordered by name, never null, possibly empty
 * @param domains the domains in creation order (a domain over another comes after it), never null, possibly empty
 * @param sequences the sequences no column owns, ordered by name, never null, possibly empty
 */
public record PostgresDefinitions(String schema, Map<String, CatalogTable> tables, List<CatalogEnum> enums,
        List<CatalogDomain> domains, List<CatalogSequence> sequences) {

    /** Copies the collections. */
    public PostgresDefinitions {
        Objects.requireNonNull(schema, "schema");
        tables = Map.copyOf(Objects.requireNonNull(tables, "tables"));
        enums = List.copyOf(Objects.requireNonNull(enums, "enums"));
        domains = List.copyOf(Objects.requireNonNull(domains, "domains"));
        sequences = List.copyOf(Objects.requireNonNull(sequences, "sequences"));
    }

    /**
     * A table by its exact name.
     *
     * @param name the table name, case-sensitive
     * @return the table, empty when the schema has no such table
     */
    public Optional<CatalogTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
