package io.dbferry.transfer.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE clause selecting a key range, with its bind values: row-value comparisons
 * {@code (k1, k2) >= (?, ?) and (k1, k2) < (?, ?)}, and {@code is not null} for every key column (a NULL in a
 * key belongs to no range; such rows are found by the row counts), which SQLite (since 3.15,
 * https://www.sqlite.org/rowvalue.html §2.1) and PostgreSQL (PostgreSQL docs §9.24.5) both compare column by
 * column, left to right.
 *
 * @param where the clause with a leading space, never null
 * @param binds the values for its placeholders in order, never null
 */
record RangeSql(String where, List<Object> binds) {

    /**
     * Builds the clause.
     *
     * @param keyExpressions the key columns as SQL expressions (quoted names, with a collation where needed)
     * @param range the range, never null
     * @return never null
     */
    static RangeSql of(List<String> keyExpressions, KeyRange range) {
        List<String> conditions = new ArrayList<>(keyExpressions.stream().map(k -> k + " is not null").toList());
        List<Object> binds = new ArrayList<>();
        String keys = tuple(keyExpressions);
        String placeholders = tuple(Collections.nCopies(keyExpressions.size(), "?"));
        if (range.lower() != null) {
            conditions.add(keys + " >= " + placeholders);
            binds.addAll(range.lower());
        }
        if (range.upper() != null) {
            conditions.add(keys + " < " + placeholders);
            binds.addAll(range.upper());
        }
        return new RangeSql(" where " + String.join(" and ", conditions), binds);
    }

    private static String tuple(List<String> parts) {
        return parts.size() == 1 ? parts.getFirst() : "(" + String.join(", ", parts) + ")";
    }
}
