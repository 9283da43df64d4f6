package io.dbferry.transfer.verify;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row in canonical form, read from either side.
 *
 * @param key the primary-key values as {@link KeyColumns} holds them, never null; empty for a table compared
 *     as a multiset; a target row's key may hold NULL when the target has no primary key
 * @param values the canonical value of every mapped column, in column order, null for NULL; never null itself
 */
record CanonicalRow(List<Object> key, List<String> values) {

    CanonicalRow {
        key = Collections.unmodifiableList(Arrays.asList(key.toArray()));
        values = Collections.unmodifiableList(Arrays.asList(values.toArray(String[]::new)));
    }
}
