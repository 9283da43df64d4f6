package io.dbferry.introspect.plan;

import io.dbferry.introspect.compare.TypeFit;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresTypeNames;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.plan.SyncStep.AddCheck;
import io.dbferry.introspect.plan.SyncStep.AddColumn;
import io.dbferry.introspect.plan.SyncStep.AddForeignKey;
import io.dbferry.introspect.plan.SyncStep.AddPrimaryKey;
import io.dbferry.introspect.plan.SyncStep.AddUniqueKey;
import io.dbferry.introspect.plan.SyncStep.AlterColumnType;
import io.dbferry.introspect.plan.SyncStep.AlterNullability;
import io.dbferry.introspect.plan.SyncStep.CreateIndex;
import io.dbferry.introspect.plan.SyncStep.DropColumn;
import io.dbferry.introspect.plan.SyncStep.DropConstraint;
import io.dbferry.introspect.plan.SyncStep.DropIndex;
import io.dbferry.introspect.plan.SyncStep.SetDefault;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps that bring one existing target table in line with its mapped source table. Columns are matched by
 * target name; keys by their columns (a key named differently on the same columns is the same rule, as
 * {@code compare} sees it); CHECK constraints by name, since PostgreSQL rewrites their text; indexes by name, or a
 * plain one by its columns. A default is set where the target column has none; a target default is never changed,
 * as PostgreSQL rewrites its text too. Not thread-safe; one instance per table.
 */
final class ExistingTableSync {

    private final MappedTable table;
    private final Table actual;
    private final TableId target;

    ExistingTableSync(MappedTable table, Table actual) {
        this.table = table;
        this.actual = actual;
        this.target = table.target();
    }

    /**
     * Adds the steps, drops first, so that a dropped rule does not stand in the way of what is added.
     *
     * @param steps where the steps go, in order
     */
    void steps(List<SyncStep> steps) {
        primaryKey(steps);
        uniqueKeys(steps);
        checks(steps);
        indexes(steps);
        foreignKeys(steps);
        columns(steps);
    }

    private void columns(List<SyncStep> steps) {
        for (MappedColumn column : table.columns()) {
            Optional<Column> existing = actual.columns().stream()
                    .filter(c -> c.name().equals(column.targetName())).findFirst();
            if (existing.isEmpty()) {
                steps.add(new AddColumn(target, column));
                continue;
            }
            type(column, existing.get(), steps);
            if (column.nullable() != existing.get().nullable() && !column.identity()) {
                steps.add(new AlterNullability(target, column.targetName(), !column.nullable()));
            }
            if (column.defaultSql() != null && existing.get().defaultSql() == null && !existing.get().identity()) {
                steps.add(new SetDefault(target, column.targetName(), column.defaultSql()));
            }
        }
        Set<String> mapped = table.columns().stream().map(MappedColumn::targetName).collect(Collectors.toSet());
        actual.columns().stream().filter(c -> !mapped.contains(c.name()))
                .forEach(c -> steps.add(new DropColumn(target, c.name())));
    }

    /**
     * A type the existing column cannot hold every mapped value of is changed to the mapped type; that is a
     * widening when the mapped type holds every value of the existing one, and destructive otherwise.
     */
    private void type(MappedColumn column, Column existing, List<SyncStep> steps) {
        Optional<TargetType> actualType = PostgresTypeNames.of(existing.type());
        TypeFit fit = TypeFit.of(column.targetType(), actualType);
        if (fit == TypeFit.SAME || fit == TypeFit.WIDENED) {
            return;
        }
        boolean widening = actualType.isPresent()
                && TypeFit.of(actualType.get(), Optional.of(column.targetType())) == TypeFit.WIDENED;
        steps.add(new AlterColumnType(target, column.targetName(), existing.type().toString(), column.targetType(),
                !widening));
    }

    private void primaryKey(List<SyncStep> steps) {
        List<String> mapped = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<String> existing = actual.primaryKey() == null ? List.of() : actual.primaryKey().columns();
        if (mapped.equals(existing)) {
            return;
        }
        if (actual.primaryKey() != null) {
            steps.add(new DropConstraint(target, actual.primaryKey().name()));
        }
        if (table.primaryKey() != null) {
            steps.add(new AddPrimaryKey(target, table.primaryKey()));
        }
    }

    private void uniqueKeys(List<SyncStep> steps) {
        Set<Set<String>> existing = new HashSet<>();
        actual.uniqueKeys().forEach(u -> existing.add(Set.copyOf(u.columns())));
        actual.indexes().stream().filter(i -> i.unique() && i.isPlain()).forEach(i -> existing.add(Set.copyOf(i.columns())));
        Set<Set<String>> mapped = new HashSet<>();
        table.uniqueKeys().forEach(u -> mapped.add(Set.copyOf(u.columns())));
        for (UniqueKey key : table.uniqueKeys()) {
            if (!existing.contains(Set.copyOf(key.columns()))) {
                steps.add(new AddUniqueKey(target, key));
            }
        }
        Set<String> primaryKey = actual.primaryKey() == null ? Set.of() : Set.copyOf(actual.primaryKey().columns());
        for (UniqueKey key : actual.uniqueKeys()) {
            Set<String> columns = Set.copyOf(key.columns());
            if (!mapped.contains(columns) && !columns.equals(primaryKey) && !uniqueIndexOn(columns)) {
                steps.add(new DropConstraint(target, key.name()));
            }
        }
    }

    private boolean uniqueIndexOn(Set<String> columns) {
        return table.indexes().stream().anyMatch(i -> i.unique() && i.isPlain() && Set.copyOf(i.columns()).equals(columns));
    }

    private void checks(List<SyncStep> steps) {
        Set<String> existing = actual.checks().stream().map(CheckConstraint::name).collect(Collectors.toSet());
        Set<String> mapped = table.checks().stream().map(CheckConstraint::name).collect(Collectors.toSet());
        actual.checks().stream().filter(c -> !mapped.contains(c.name()))
                .forEach(c -> steps.add(new DropConstraint(target, c.name())));
        table.checks().stream().filter(c -> !existing.contains(c.name()))
                .forEach(c -> steps.add(new AddCheck(target, c)));
    }

    private void indexes(List<SyncStep> steps) {
        for (Index index : actual.indexes()) {
            boolean kept = table.indexes().stream().anyMatch(m -> sameIndex(m, index))
                    || index.unique() && index.isPlain() && table.uniqueKeys().stream()
                            .anyMatch(u -> Set.copyOf(u.columns()).equals(Set.copyOf(index.columns())));
            if (!kept) {
                steps.add(new DropIndex(target.schema(), index.name()));
            }
        }
        table.indexes().stream().filter(m -> actual.indexes().stream().noneMatch(a -> sameIndex(m, a)))
                .forEach(m -> steps.add(new CreateIndex(target, m)));
    }

    /** The same index: by name, or two plain indexes on the same columns with the same uniqueness. */
    private static boolean sameIndex(Index mapped, Index existing) {
        return mapped.name().equals(existing.name()) || mapped.isPlain() && existing.isPlain()
                && mapped.unique() == existing.unique() && mapped.columns().equals(existing.columns());
    }

    private void foreignKeys(List<SyncStep> steps) {
        for (ForeignKey fk : actual.foreignKeys()) {
            if (table.foreignKeys().stream().noneMatch(m -> sameForeignKey(m, fk))) {
                steps.add(new DropConstraint(target, fk.name()));
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (actual.foreignKeys().stream().noneMatch(a -> sameForeignKey(fk, a))) {
                steps.add(new AddForeignKey(target, fk));
            }
        }
    }

    private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedColumns().equals(b.referencedColumns())
                && a.referencedTable().name().equals(b.referencedTable().name());
    }
}
