package io.dbferry.introspect.postgres;

import java.util.List;
import java.util.Objects;

/**
 * A table exactly as PostgreSQL's catalog describes it: the parts that {@link PostgresSchemaReader}'s
 * dialect-neutral model does not keep (exact types with modifiers, identity kinds, serial sequences, stored
 * generated columns, full constraint and index definitions).
 *
 * @param name the table name, exact spelling, never null
 * @param columns the live columns in position order, never null or empty
 * @param constraints the table's constraints ordered by kind and name, never null, possibly empty
 * @param indexes the indexes that back no constraint, ordered by name; never null, possibly empty
 * @param partitioned whether it is a partitioned table or a partition of one (PostgreSQL docs §5.11)
 */
public record CatalogTable(String name, List<CatalogColumn> columns, List<CatalogConstraint> constraints,
        List<CatalogIndex> indexes, boolean partitioned) {

    /** Copies the lists. */
    public CatalogTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
        indexes = List.copyOf(Objects.requireNonNull(indexes, "indexes"));
    }

    /**
     * An ordinary table, neither partitioned nor a partition.
     *
     * @param name the table name, never null
     * @param columns the live columns in position order, never null or empty
     * @param constraints the constraints, never null
     * @param indexes the indexes that back no constraint, never null
     */
    public CatalogTable(String name, List<CatalogColumn> columns, List<CatalogConstraint> constraints,
            List<CatalogIndex> indexes) {
        this(name, columns, constraints, indexes, false);
    }

    /**
     * The columns COPY carries, in position order: all but stored generated ones.
     *
     * @return never null
     */
    public List<CatalogColumn> copiedColumns() {
        return columns.stream().filter(CatalogColumn::copied).toList();
    }
}
