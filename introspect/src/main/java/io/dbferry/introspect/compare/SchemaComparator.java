package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresTypeNames;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the mapped source tables with the target schema as it is: tables to be created, missing and extra
 * tables and columns, type differences classified as widening, lossy or incompatible, nullability, defaults,
 * and (through {@link ConstraintComparator}) keys and indexes. An empty target schema is normal: every table
 * is then an {@link IssueCode#TABLE_TO_BE_CREATED} info. Stateless and thread-safe.
 */
public final class SchemaComparator {

    /** Creates a comparator; it has no settings. */
    public SchemaComparator() {}

    /**
     * Compares every mapped table with the target table of the same name.
     *
     * @param mapping the source tables mapped onto the target schema, never null
     * @param target the target schema as read from PostgreSQL, never null (no tables when it does not exist)
     * @return the issues found, never null, possibly empty
     */
    public List<CompatibilityIssue> compare(SchemaMapping mapping, SchemaSnapshot target) {
        Map<String, Table> existing = target.tables().stream()
                .collect(Collectors.toMap(t -> t.id().name(), Function.identity()));
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            Table actual = existing.remove(table.target().name());
            if (actual == null) {
                issues.add(CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_CREATED, table.source().id().name(), null,
                        "table " + table.target() + " does not exist in the target; migrate creates it with "
                                + table.columns().size() + " column" + (table.columns().size() == 1 ? "" : "s"),
                        "nothing to do"));
            } else {
                compareColumns(table, actual, issues);
                issues.addAll(new ConstraintComparator(table, actual).compare());
            }
        }
        existing.values().forEach(t -> issues.add(
                CompatibilityIssue.schema(IssueCode.TABLE_NOT_IN_SOURCE, null, null,
                        "target table \"" + t.id().schema() + "\".\"" + t.id().name() + "\" has no source table",
                        "nothing to do: migrate leaves it alone")));
        return issues;
    }

    private static void compareColumns(MappedTable table, Table actual, List<CompatibilityIssue> issues) {
        String name = table.source().id().name();
        for (MappedColumn column : table.columns()) {
            Optional<Column> target = actual.columns().stream()
                    .filter(c -> c.name().equals(column.targetName())).findFirst();
            if (target.isEmpty()) {
                issues.add(CompatibilityIssue.schema(IssueCode.COLUMN_MISSING_IN_TARGET, name, column.source().name(),
                        "target table " + table.target() + " has no column \"" + column.targetName() + "\" ("
                                + column.targetType() + "); loading into it fails",
                        "add the column to the target, or use --if-exists drop to recreate the table"));
                continue;
            }
            compareType(name, column, target.get(), issues);
            compareNullability(name, column, target.get(), issues);
            compareDefault(name, column, target.get(), issues);
        }
        Set<String> mappedNames = table.columns().stream().map(MappedColumn::targetName).collect(Collectors.toSet());
        actual.columns().stream().filter(c -> !mappedNames.contains(c.name()))
                .forEach(c -> issues.add(extraColumn(table, c)));
    }

    private static CompatibilityIssue extraColumn(MappedTable table, Column column) {
        boolean required = !column.nullable() && column.defaultSql() == null && !column.identity();
        String what = "target column " + table.target() + ".\"" + column.name() + "\" has no source column";
        return required
                ? CompatibilityIssue.schema(IssueCode.TARGET_COLUMN_REQUIRED, table.source().id().name(), null,
                        what + " and is NOT NULL without a default, so every row fails",
                        "give it a default or allow NULL in the target, or use --if-exists drop")
                : CompatibilityIssue.schema(IssueCode.COLUMN_NOT_IN_SOURCE, table.source().id().name(), null,
                        what + "; it gets " + (column.defaultSql() == null ? "NULL" : "its default") + " in every row",
                        "nothing to do");
    }

    private static void compareType(String table, MappedColumn column, Column target, List<CompatibilityIssue> issues) {
        Optional<TargetType> actual = PostgresTypeNames.of(target.type());
        TypeFit fit = TypeFit.of(column.targetType(), actual);
        if (fit == TypeFit.SAME) {
            return;
        }
        String what = column.source().name() + " (" + column.source().type() + ") maps to " + column.targetType()
                + " but the target column is " + target.type();
        CompatibilityIssue issue = switch (fit) {
            case WIDENED -> CompatibilityIssue.schema(IssueCode.TYPE_WIDENED, table, column.source().name(),
                    what + ", which holds every value", "nothing to do");
            case LOSSY -> CompatibilityIssue.schema(IssueCode.TYPE_LOSSY, table, column.source().name(),
                    what + (actual.isEmpty() ? ", a type dbferry does not check; PostgreSQL parses each value"
                            : ", which may not hold every value; PostgreSQL refuses the load at the first one"),
                    "change the target column to " + column.targetType() + ", or use --if-exists drop");
            case INCOMPATIBLE -> CompatibilityIssue.schema(IssueCode.TYPE_INCOMPATIBLE, table, column.source().name(),
                    what + ", which cannot hold its values",
                    "change the target column to " + column.targetType() + ", or use --if-exists drop");
            case SAME -> throw new IllegalStateException("unreachable");
        };
        issues.add(issue);
    }

    private static void compareNullability(String table, MappedColumn column, Column target,
            List<CompatibilityIssue> issues) {
        if (column.nullable() == target.nullable()) {
            return;
        }
        issues.add(CompatibilityIssue.schema(IssueCode.NULLABILITY_DIFFERS, table, column.source().name(),
                column.nullable()
                        ? "the source allows NULL in " + column.source().name() + " but the target column is NOT NULL"
                        : "the source column " + column.source().name() + " is NOT NULL but the target allows NULL",
                column.nullable() ? "the data profile (unless --no-data) reports NULLs as NULL_IN_NOT_NULL; else drop "
                        + "NOT NULL in the target"
                        : "nothing to do; add NOT NULL in the target to keep the rule"));
    }

    private static void compareDefault(String table, MappedColumn column, Column target, List<CompatibilityIssue> issues) {
        boolean source = column.source().defaultSql() != null && !column.identity();
        boolean targetHas = target.defaultSql() != null && !target.identity();
        if (source == targetHas) {
            return;
        }
        issues.add(CompatibilityIssue.schema(IssueCode.DEFAULT_DIFFERS, table, column.source().name(),
                source ? "the source default " + column.source().defaultSql() + " of " + column.source().name()
                        + " is not on the target column"
                        : "the target column " + target.name() + " has a default (" + target.defaultSql()
                        + ") the source does not",
                "nothing to do for the data; align the defaults if applications rely on them"));
    }
}
