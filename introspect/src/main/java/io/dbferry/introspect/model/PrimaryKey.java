package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * A table's primary key.
 *
 * @param name the constraint name as declared, null when the source did not name it
 * @param columns the key's column names in key order, never null or empty
 */
public record PrimaryKey(String name, List<String> columns) {

    /** Copies the column list and checks it is not empty. */
    public PrimaryKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }
}
