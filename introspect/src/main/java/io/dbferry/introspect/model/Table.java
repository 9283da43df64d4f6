package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * One table: its columns in declaration order, keys, CHECK constraints and indexes.
 *
 * @param id the qualified name, never null
 * @param columns the columns ordered by position, never null or empty
 * @param primaryKey the primary key, null when the table has none
 * @param uniqueKeys UNIQUE constraints, never null, possibly empty
 * @param foreignKeys foreign keys, never null, possibly empty
 * @param indexes indexes other than those backing the primary key or a UNIQUE constraint, never null,
 *     possibly empty
 * @param checks CHECK constraints, table- and column-level, in declaration order; never null, possibly empty
 * @param withoutRowid whether it is a SQLite {@code WITHOUT ROWID} table (always false elsewhere)
 */
public record Table(
        TableId id,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<UniqueKey> uniqueKeys,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        List<CheckConstraint> checks,
        boolean withoutRowid) {

    /** Copies the lists and checks the table has columns. */
    public Table {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        uniqueKeys = List.copyOf(Objects.requireNonNull(uniqueKeys, "uniqueKeys"));
        foreignKeys = List.copyOf(Objects.requireNonNull(foreignKeys, "foreignKeys"));
        indexes = List.copyOf(Objects.requireNonNull(indexes, "indexes"));
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no columns");
        }
    }

    /**
     * A table without CHECK constraints.
     *
     * @param id the qualified name, never null
     * @param columns the columns ordered by position, never null or empty
     * @param primaryKey the primary key, null when the table has none
     * @param uniqueKeys UNIQUE constraints, never null, possibly empty
     * @param foreignKeys foreign keys, never null, possibly empty
     * @param indexes indexes other than those backing a key, never null, possibly empty
     * @param withoutRowid whether it is a SQLite {@code WITHOUT ROWID} table
     */
    public Table(TableId id, List<Column> columns, PrimaryKey primaryKey, List<UniqueKey> uniqueKeys,
            List<ForeignKey> foreignKeys, List<Index> indexes, boolean withoutRowid) {
        this(id, columns, primaryKey, uniqueKeys, foreignKeys, indexes, List.of(), withoutRowid);
    }

    /**
     * Finds a column by its exact name.
     *
     * @param name the column name, case-sensitive
     * @return the column, never null
     * @throws IllegalArgumentException when the table has no such column
     */
    public Column column(String name) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + id + " has no column \"" + name + '"'));
    }
}
