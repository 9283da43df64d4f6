package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from some columns of its table to a key of another (or the same) table.
 *
 * @param name the constraint name as declared, null when the source did not name it
 * @param columns the referencing column names, never null or empty
 * @param referencedTable the referenced table, never null
 * @param referencedColumns the referenced column names, same size as {@code columns}
 * @param onDelete the action on delete of the referenced row, never null
 * @param onUpdate the action on update of the referenced key, never null
 */
public record ForeignKey(
        String name,
        List<String> columns,
        TableId referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate) {

    /** Copies the lists and checks they pair up. */
    public ForeignKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        referencedColumns = List.copyOf(Objects.requireNonNull(referencedColumns, "referencedColumns"));
        Objects.requireNonNull(referencedTable, "referencedTable");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key to " + referencedTable + " pairs " + columns
                    + " with " + referencedColumns);
        }
    }
}
