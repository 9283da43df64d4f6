package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint (not a unique index: those are {@link Index} with {@code unique} set).
 *
 * @param name the constraint name as declared, null when the source did not name it
 * @param columns the constrained column names in order, never null or empty
 */
public record UniqueKey(String name, List<String> columns) {

    /** Copies the column list and checks it is not empty. */
    public UniqueKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a unique key needs at least one column");
        }
    }
}
