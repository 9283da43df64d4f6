package io.dbferry.transfer.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

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
        List<Object> binds = new ArrayList<>();
        String placeholders = tuple(Collections.nCopies(keyExpressions.size(), "?"));
        String where = where(keyExpressions, range, key -> {
            binds.addAll(key);
            return placeholders;
        });
        return new RangeSql(where, binds);
    }

    /**
     * Builds the clause with the key values written in as literals, for a statement that takes no parameters
     * (PostgreSQL's {@code COPY (query) TO STDOUT}).
     *
     * @param keyExpressions the key columns as SQL expressions (quoted names, with a collation where needed)
     * @param range the range, never null
     * @param literal writes one key value as an SQL literal, never null
     * @return the clause with a leading space, never null
     */
    static String inlined(List<String> keyExpressions, KeyRange range, Function<Object, String> literal) {
        return where(keyExpressions, range, key -> tuple(key.stream().map(literal).toList()));
    }

    private static String where(List<String> keyExpressions, KeyRange range, Function<List<Object>, String> values) {
        List<String> conditions = new ArrayList<>(keyExpressions.stream().map(k -> k + " is not null").toList());
        String keys = tuple(keyExpressions);
        if (range.lower() != null) {
            conditions.add(keys + " >= " + values.apply(range.lower()));
        }
        if (range.upper() != null) {
            conditions.add(keys + " < " + values.apply(range.upper()));
        }
        return " where " + String.join(" and ", conditions);
    }

    private static String tuple(List<String> parts) {
        return parts.size() == 1 ? parts.getFirst() : "(" + String.join(", ", parts) + ")";
    }
}
