package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.transfer.transform.TransformResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Finds the rows of one target unique key whose converted values are equal, which PostgreSQL would refuse
 * although SQLite kept them apart.
 *
 * <p>Two ways, chosen by {@link KeyCollisions}:
 * <ul>
 *   <li><b>every row</b>, when a key column's transform normalises values (booleans, UUIDs, times, numbers,
 *       JSON): each row's converted key is held in a map, with the row's locator, for the whole scan.
 *   <li><b>suspects only</b>, for keys of integer, text and bytea columns: two such values can become equal
 *       only when one of them is stored in an unusual storage class (text {@code ' 1'} beside integer 1) or
 *       is cut by {@code char}/{@code varchar(n)}, since SQLite's own unique index keeps the rest apart. Only
 *       those rows are held; after the scan each is looked up in SQLite by its converted values, through the
 *       key's own index.
 * </ul>
 * Rows with a NULL or a rejected value in the key are skipped: PostgreSQL allows several NULLs in a unique
 * key (PostgreSQL docs §5.5.3), and a rejected row fails on its own. Not thread-safe.
 */
final class KeyCheck {

    /** Rows whose converted key values are equal. */
    static final class Group {
        private final List<RowLocator> locators = new ArrayList<>();
        private final boolean keepAll;
        private long rows;

        private Group(RowLocator first, boolean keepAll) {
            this.keepAll = keepAll;
            add(first);
        }

        private void add(RowLocator locator) {
            rows++;
            if (keepAll || locators.size() < CompatibilityIssue.MAX_EXAMPLES) {
                locators.add(locator);
            }
        }

        /** How many rows share the key, ≥ 1. */
        long rows() {
            return rows;
        }

        /** The rows' locators in scan order (in every-row mode only the first five, as many as examples need). */
        List<RowLocator> locators() {
            return locators;
        }
    }

    private final String name;
    private final List<ColumnProfile> columns;
    private final List<Integer> indexes;
    private final boolean everyRow;
    /** The first row's {@link RowLocator} per key, replaced by a {@link Group} once a second row has it. */
    private final Map<List<Object>, Object> seen;
    private final List<Group> collisions = new ArrayList<>();

    /**
     * Prepares checking one key.
     *
     * @param name the target constraint or index name, never null
     * @param columns the profiles of the key's columns in key order, never null or empty
     * @param indexes the key columns' 0-based indexes in the table, same order
     * @param everyRow whether to hold every row's key rather than the suspects only
     */
    KeyCheck(String name, List<ColumnProfile> columns, List<Integer> indexes, boolean everyRow) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.indexes = List.copyOf(indexes);
        this.everyRow = everyRow;
        // Suspects are few, and are looked up in the order found.
        this.seen = everyRow ? new HashMap<>() : new LinkedHashMap<>();
    }

    /** The target constraint or index name. */
    String name() {
        return name;
    }

    /** The key's source column names in key order. */
    List<String> columnNames() {
        return columns.stream().map(c -> c.column().source().name()).toList();
    }

    /** The key columns' 0-based indexes in the table. */
    List<Integer> indexes() {
        return indexes;
    }

    /**
     * Whether a column of the key has a transform that normalises values, so that distinct source values can
     * become equal (see {@link TargetFamily#normalises()}).
     *
     * @return true when converting can create the collisions
     */
    boolean normalises() {
        return columns.stream().anyMatch(c -> c.family().normalises());
    }

    /**
     * Counts one scanned row.
     *
     * @param row the row, never null
     * @param converted the row's converted values by column index, null where NULL or rejected
     * @param locator finds the row again, asked for only when the row is held; never null
     */
    void accept(ProfiledRow row, Object[] converted, Supplier<RowLocator> locator) {
        List<Object> key = new ArrayList<>(indexes.size());
        boolean suspect = false;
        for (int k = 0; k < indexes.size(); k++) {
            Object value = converted[indexes.get(k)];
            if (value == null) {
                return;
            }
            Object normalised = KeyValues.normalise(columns.get(k).column().targetType(), value);
            suspect |= !columns.get(k).isUsual(row.value(indexes.get(k)).storageClass())
                    || value instanceof String s && !s.equals(normalised);
            key.add(normalised);
        }
        if (everyRow || suspect) {
            record(key, locator.get());
        }
    }

    /**
     * The groups of colliding rows, in the order found; in suspects-only mode each suspect is first looked up
     * in SQLite.
     *
     * @param rows the table's rows, for the look-ups; never null
     * @return groups of two or more rows, never null, possibly empty
     */
    List<Group> collisions(TableRows rows) {
        if (!everyRow) {
            seen.forEach((key, first) -> findPartners(rows, key, first));
        }
        return collisions;
    }

    private void record(List<Object> key, RowLocator locator) {
        Object first = seen.putIfAbsent(key, everyRow ? locator : new Group(locator, true));
        if (first == null) {
            return;
        }
        Group group = first instanceof Group g ? g : new Group((RowLocator) first, false);
        if (group != first) {
            seen.put(key, group);
        }
        if (everyRow && group.rows == 1) {
            collisions.add(group);
        }
        group.add(locator);
    }

    private void findPartners(TableRows rows, List<Object> key, Object first) {
        Group group = (Group) first;
        rows.where(equalTo(key), row -> {
            RowLocator locator = rows.keys().locator(row);
            if (key.equals(convertedKey(row)) && !group.locators.contains(locator)) {
                group.add(locator);
            }
        });
        if (group.rows > 1) {
            collisions.add(group);
        }
    }

    /** The key columns equal to the converted values, in SQLite's comparison: a superset of the partners. */
    private Condition equalTo(List<Object> key) {
        Condition condition = DSL.trueCondition();
        for (int k = 0; k < key.size(); k++) {
            MappedColumn column = columns.get(k).column();
            condition = condition.and(DSL.field(DSL.name(column.source().name()))
                    .eq(DSL.val(KeyValues.bindValue(key.get(k)))));
        }
        return condition;
    }

    private List<Object> convertedKey(ProfiledRow row) {
        List<Object> key = new ArrayList<>(indexes.size());
        for (int k = 0; k < indexes.size(); k++) {
            SourceValue value = row.value(indexes.get(k));
            if (value.isNull() || !(columns.get(k).convert(value) instanceof TransformResult.Converted c)) {
                return List.of();
            }
            key.add(KeyValues.normalise(columns.get(k).column().targetType(), c.value()));
        }
        return key;
    }
}
