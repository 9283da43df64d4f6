package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.UniqueKey;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL source table and the SQLite table it becomes. Names of the table, columns, constraints and indexes
 * are kept exactly; SQLite has no schemas, so the source schema is dropped.
 *
 * @param source the PostgreSQL table, never null
 * @param columns the columns in source order, never null or empty
 * @param primaryKey the primary key, null when the source has none
 * @param uniqueKeys UNIQUE constraints, never null, possibly empty
 * @param foreignKeys foreign keys to tables of the same schema, never null, possibly empty
 * @param indexes plain indexes (column keys only, no predicate), created after the load; never null
 */
public record SqliteTable(Table source, List<SqliteColumn> columns, PrimaryKey primaryKey, List<UniqueKey> uniqueKeys,
        List<ForeignKey> foreignKeys, List<Index> indexes) {

    /** Copies the lists. */
    public SqliteTable {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        uniqueKeys = List.copyOf(Objects.requireNonNull(uniqueKeys, "uniqueKeys"));
        foreignKeys = List.copyOf(Objects.requireNonNull(foreignKeys, "foreignKeys"));
        indexes = List.copyOf(Objects.requireNonNull(indexes, "indexes"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + source.id() + " has no columns");
        }
    }

    /**
     * The SQLite table name: the source table's name.
     *
     * @return never null
     */
    public String name() {
        return source.id().name();
    }
}
