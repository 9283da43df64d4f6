package io.dbferry.introspect.postgres;

import java.util.List;
import java.util.Objects;

/**
 * An enum type of the schema (PostgreSQL docs §8.7).
 *
 * @param name the type name, exact spelling, never null
 * @param labels the labels in sort order, never null
 */
public record CatalogEnum(String name, List<String> labels) {

    /** Copies the list. */
    public CatalogEnum {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }
}
