package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code DUPLICATE_KEY} check of one table: for each target unique key — the primary key, UNIQUE
 * constraints and unique indexes — the rows whose converted values collide, e.g. {@code '2024-01-01
 * 10:00:00'} and {@code '2024-01-01T10:00:00'} in a UNIQUE DATETIME column, text {@code '1 '} and integer 1,
 * or a UUID in upper and in lower case.
 *
 * <p>Memory: for a key with a normalising column ({@link TargetFamily#normalises()}) the converted key of
 * every scanned row is held until the scan ends, with the row's rowid (or primary key) — in the order of
 * 100 bytes per row and key, more for long text. Other keys hold only their suspect rows (see
 * {@link KeyCheck}). A single-column rowid alias cannot collide and is not checked; a key listed twice (a
 * unique index on the primary-key columns) is checked once. Not thread-safe.
 */
final class KeyCollisions {

    private record NamedKey(String kind, String name, List<String> columns) {}

    private final String table;
    private final List<KeyCheck> checks = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();

    /**
     * Chooses the keys to check.
     *
     * @param table the mapped table, never null
     * @param profiles the profiles of its columns, in column order; never null
     * @param rows the table's rows, to find column indexes; never null
     */
    KeyCollisions(MappedTable table, List<ColumnProfile> profiles, TableRows rows) {
        this.table = table.source().id().name();
        Set<Set<String>> checked = new HashSet<>();
        for (NamedKey key : keys(table)) {
            List<Integer> indexes = key.columns().stream().map(rows::index).toList();
            List<ColumnProfile> columns = indexes.stream().map(profiles::get).toList();
            boolean rowidAlias = columns.size() == 1 && columns.get(0).column().identity();
            if (rowidAlias || !checked.add(lowerCase(key.columns()))) {
                continue;
            }
            // Keys SQLite does not enforce (a target's own unique key) and keys whose values the transforms
            // normalise can collide anywhere, so every row is held; the others only where SQLite could be fooled.
            boolean everyRow = !enforcedBySqlite(table.source(), key.columns())
                    || columns.stream().anyMatch(c -> c.family().normalises());
            checks.add(new KeyCheck(key.name(), columns, indexes, everyRow));
            kinds.add(key.kind());
        }
    }

    /**
     * Counts one scanned row in every key.
     *
     * @param row the row, never null
     * @param converted the row's converted values by column index, null where NULL or rejected
     * @param locator finds the row again, asked for only when a key holds it; never null
     */
    void accept(ProfiledRow row, Object[] converted, Supplier<RowLocator> locator) {
        for (KeyCheck check : checks) {
            check.accept(row, converted, locator);
        }
    }

    /**
     * One {@link IssueCode#DUPLICATE_KEY} issue per key with colliding rows.
     *
     * @param rows the table's rows, for look-ups and examples; never null
     * @return never null, possibly empty
     */
    List<CompatibilityIssue> issues(TableRows rows) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            KeyCheck check = checks.get(i);
            List<KeyCheck.Group> groups = check.collisions(rows);
            if (!groups.isEmpty()) {
                issues.add(issue(kinds.get(i), check, groups, rows));
            }
        }
        return issues;
    }

    private CompatibilityIssue issue(String kind, KeyCheck check, List<KeyCheck.Group> groups, TableRows rows) {
        long affected = groups.stream().mapToLong(KeyCheck.Group::rows).sum();
        List<String> columns = check.columnNames();
        String message = affected + " rows of " + table + " would break " + kind + " " + check.name() + " ("
                + String.join(", ", columns) + ") in the target: " + groups.size()
                + (groups.size() == 1 ? " set of values is" : " sets of values are") + " equal once converted";
        return new CompatibilityIssue(IssueCode.DUPLICATE_KEY, table, columns.size() == 1 ? columns.get(0) : null,
                message, affected, examples(check, groups, rows), IssueSuggestions.duplicateKey(table, columns, check.normalises()));
    }

    private static List<Example> examples(KeyCheck check, List<KeyCheck.Group> groups, TableRows rows) {
        List<Example> examples = new ArrayList<>();
        for (KeyCheck.Group group : groups) {
            for (RowLocator locator : group.locators()) {
                if (examples.size() == CompatibilityIssue.MAX_EXAMPLES) {
                    return examples;
                }
                rows.find(locator).ifPresent(row -> examples.add(new Example(rows.keys().key(row),
                        ValueText.tuple(check.indexes().stream().map(row::value).toList()))));
            }
        }
        return examples;
    }

    /**
     * The keys the target will enforce, in source column names: the mapped primary key, unique keys and unique
     * indexes — which, for an existing target table, are the target's own (see the compare package).
     */
    private static List<NamedKey> keys(MappedTable table) {
        Map<String, String> sourceNames = new HashMap<>();
        table.columns().forEach(c -> sourceNames.put(c.targetName(), c.source().name()));
        List<NamedKey> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            keys.add(named("primary key", table.primaryKey().name(), table.primaryKey().columns(), sourceNames));
        }
        table.uniqueKeys().forEach(u -> keys.add(named("unique key", u.name(), u.columns(), sourceNames)));
        // A partial or expression index keeps only some rows, or values of an expression, unique.
        table.indexes().stream().filter(i -> i.unique() && i.isPlain())
                .forEach(i -> keys.add(named("unique index", i.name(), i.columns(), sourceNames)));
        return keys.stream().filter(k -> k.columns().stream().allMatch(Objects::nonNull)).toList();
    }

    private static NamedKey named(String kind, String name, List<String> targetColumns, Map<String, String> sourceNames) {
        return new NamedKey(kind, name, targetColumns.stream().map(sourceNames::get).toList());
    }

    /** Whether SQLite itself keeps these columns unique: a primary key, UNIQUE constraint or unique index on them. */
    private static boolean enforcedBySqlite(Table source, List<String> columns) {
        Set<String> key = lowerCase(columns);
        List<List<String>> enforced = new ArrayList<>();
        if (source.primaryKey() != null) {
            enforced.add(source.primaryKey().columns());
        }
        source.uniqueKeys().forEach(u -> enforced.add(u.columns()));
        source.indexes().stream().filter(i -> i.unique() && i.isPlain()).forEach(i -> enforced.add(i.columns()));
        return enforced.stream().anyMatch(e -> lowerCase(e).equals(key));
    }

    private static Set<String> lowerCase(List<String> columns) {
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(c -> names.add(c.toLowerCase(Locale.ROOT)));
        return names;
    }
}
