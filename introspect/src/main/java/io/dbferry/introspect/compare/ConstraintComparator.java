package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the keys and indexes of one mapped table with an existing target table. Keys are matched by their
 * columns, not their names: a constraint named differently but on the same columns is the same rule. A unique
 * index and a UNIQUE constraint enforce the same rule, so they are compared as one set; a partial or expression
 * unique index keeps only some rows or values unique and is not a key. Not thread-safe; one instance per table.
 */
final class ConstraintComparator {

    private final MappedTable table;
    private final Table actual;
    private final String name;
    private final List<CompatibilityIssue> issues = new ArrayList<>();

    ConstraintComparator(MappedTable table, Table actual) {
        this.table = Objects.requireNonNull(table);
        this.actual = Objects.requireNonNull(actual);
        this.name = table.source().id().name();
    }

    List<CompatibilityIssue> compare() {
        primaryKey();
        uniqueKeys();
        foreignKeys();
        indexes();
        return issues;
    }

    private void primaryKey() {
        List<String> mapped = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<String> target = actual.primaryKey() == null ? List.of() : actual.primaryKey().columns();
        if (!mapped.equals(target)) {
            issues.add(CompatibilityIssue.schema(IssueCode.PRIMARY_KEY_DIFFERS, name, null,
                    "the primary key of " + table.target() + " is " + describe(target) + " in the target but "
                            + describe(mapped) + " in the source",
                    "align the target's primary key, or use --if-exists drop to recreate the table"));
        }
    }

    private void uniqueKeys() {
        Set<List<String>> mapped = uniqueSets(table.uniqueKeys(), table.indexes());
        Set<List<String>> target = uniqueSets(actual.uniqueKeys(), actual.indexes());
        List<String> targetPrimaryKey = actual.primaryKey() == null ? List.of() : sorted(actual.primaryKey().columns());
        target.remove(targetPrimaryKey);
        for (List<String> key : mapped) {
            // The target's primary key enforces uniqueness on its columns too.
            if (!target.contains(key) && !key.equals(targetPrimaryKey)) {
                issues.add(CompatibilityIssue.schema(IssueCode.UNIQUE_KEY_MISSING_IN_TARGET, name, null,
                        "the source keeps " + key + " of " + name + " unique; the target table does not",
                        "add a unique constraint on " + key + " to the target, or use --if-exists drop"));
            }
        }
        for (List<String> key : target) {
            if (!mapped.contains(key) && !key.equals(sorted(primaryKeyColumns()))) {
                issues.add(CompatibilityIssue.schema(IssueCode.UNIQUE_KEY_NOT_IN_SOURCE, name, null,
                        "the target keeps " + key + " of " + table.target() + " unique; the source does not, so "
                                + "duplicates in the source fail the load",
                        "the data profile (unless --no-data) reports duplicates as DUPLICATE_KEY; else drop the "
                                + "target's unique key"));
            }
        }
    }

    private void foreignKeys() {
        for (ForeignKey fk : table.foreignKeys()) {
            if (actual.foreignKeys().stream().noneMatch(a -> sameForeignKey(fk, a))) {
                issues.add(CompatibilityIssue.schema(IssueCode.FOREIGN_KEY_MISSING_IN_TARGET, name, null,
                        "foreign key " + fk.columns() + " → \"" + fk.referencedTable().name() + "\""
                                + fk.referencedColumns() + " is not on the target table",
                        "add it to the target, or use --if-exists drop to recreate the table"));
            }
        }
        for (ForeignKey fk : actual.foreignKeys()) {
            if (table.foreignKeys().stream().noneMatch(m -> sameForeignKey(m, fk))) {
                issues.add(CompatibilityIssue.schema(IssueCode.FOREIGN_KEY_NOT_IN_SOURCE, name, null,
                        "the target has foreign key " + fk.columns() + " → \"" + fk.referencedTable().name() + "\""
                                + fk.referencedColumns() + ", which the source does not",
                        "nothing to do unless rows reference missing parents; then the load fails"));
            }
        }
    }

    private void indexes() {
        Set<List<String>> target = new LinkedHashSet<>();
        actual.indexes().stream().filter(Index::isPlain).forEach(i -> target.add(i.columns()));
        Set<String> targetNames = new HashSet<>();
        actual.indexes().forEach(i -> targetNames.add(i.name()));
        actual.uniqueKeys().forEach(u -> target.add(u.columns()));
        if (actual.primaryKey() != null) {
            target.add(actual.primaryKey().columns());
        }
        for (Index index : table.indexes()) {
            // A partial, expression or NOCASE index is found by its name; a plain one also by its columns.
            if (!index.unique() && !targetNames.contains(index.name())
                    && !(index.isPlain() && target.contains(index.columns()))) {
                issues.add(CompatibilityIssue.schema(IssueCode.INDEX_MISSING_IN_TARGET, name, null,
                        "index \"" + index.name() + "\" on " + index.columns() + " has no target index on the same columns",
                        "create it in the target if queries need it; migrate creates it only with new tables"));
            }
        }
    }

    private List<String> primaryKeyColumns() {
        return table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    }

    /** Column sets kept unique, each sorted: UNIQUE (a, b) and UNIQUE (b, a) enforce the same rule. */
    private static Set<List<String>> uniqueSets(List<UniqueKey> keys, List<Index> indexes) {
        Set<List<String>> sets = new LinkedHashSet<>();
        keys.forEach(k -> sets.add(sorted(k.columns())));
        indexes.stream().filter(i -> i.unique() && i.isPlain()).forEach(i -> sets.add(sorted(i.columns())));
        return sets;
    }

    private static List<String> sorted(List<String> columns) {
        return columns.stream().sorted().toList();
    }

    private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedColumns().equals(b.referencedColumns())
                && a.referencedTable().name().equals(b.referencedTable().name());
    }

    private static String describe(List<String> columns) {
        return columns.isEmpty() ? "absent" : columns.toString();
    }
}
