package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * A plain-column index that is not the implementation of a primary key or UNIQUE constraint.
 *
 * <p>Partial and expression indexes are not modelled yet; readers report them as {@link SchemaSnapshot#notes()}.
 *
 * @param name the index name, never null
 * @param columns the indexed column names in order, never null or empty
 * @param unique whether the index is UNIQUE
 */
public record Index(String name, List<String> columns, boolean unique) {

    /** Copies the column list and checks it is not empty. */
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has no columns");
        }
    }
}
