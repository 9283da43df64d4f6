package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.util.List;
import java.util.Objects;

/**
 * A source table and the target table it becomes: names after the identifier policy, types after the type
 * mapping, and every constraint and index named (declared names are kept, missing ones get PostgreSQL's
 * own naming convention, e.g. {@code Album_pkey}, {@code Album_ArtistId_fkey}, {@code orders_quantity_check}).
 * Every SQL text here — column defaults, CHECK expressions, index expressions and predicates — is PostgreSQL,
 * translated from the source's; what could not be translated is left out and listed in
 * {@link SchemaMapping#untranslatable()}.
 *
 * @param source the source table, never null
 * @param target the target table's qualified name, never null
 * @param columns the columns in source order, never null or empty
 * @param primaryKey the primary key in target names, null when the source has none
 * @param uniqueKeys UNIQUE constraints in target names, never null
 * @param foreignKeys foreign keys in target names, referencing target tables; never null
 * @param indexes indexes in target names, never null; an index key on a {@code NOCASE} column keeps that
 *     collation, and {@link io.dbferry.introspect.plan.PostgresDdl} renders it as {@code lower(column)}
 * @param checks CHECK constraints, named, with PostgreSQL expressions; never null
 */
public record MappedTable(
        Table source,
        TableId target,
        List<MappedColumn> columns,
        PrimaryKey primaryKey,
        List<UniqueKey> uniqueKeys,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        List<CheckConstraint> checks) {

    /** Copies the lists. */
    public MappedTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        uniqueKeys = List.copyOf(Objects.requireNonNull(uniqueKeys, "uniqueKeys"));
        foreignKeys = List.copyOf(Objects.requireNonNull(foreignKeys, "foreignKeys"));
        indexes = List.copyOf(Objects.requireNonNull(indexes, "indexes"));
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    /**
     * A mapped table without CHECK constraints.
     *
     * @param source the source table, never null
     * @param target the target table's qualified name, never null
     * @param columns the columns in source order, never null or empty
     * @param primaryKey the primary key in target names, null when the source has none
     * @param uniqueKeys UNIQUE constraints in target names, never null
     * @param foreignKeys foreign keys in target names, never null
     * @param indexes indexes in target names, never null
     */
    public MappedTable(Table source, TableId target, List<MappedColumn> columns, PrimaryKey primaryKey,
            List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys, List<Index> indexes) {
        this(source, target, columns, primaryKey, uniqueKeys, foreignKeys, indexes, List.of());
    }

    /**
     * The identity columns (at most one in practice: the rowid alias).
     *
     * @return never null, possibly empty
     */
    public List<MappedColumn> identityColumns() {
        return columns.stream().filter(MappedColumn::identity).toList();
    }
}
