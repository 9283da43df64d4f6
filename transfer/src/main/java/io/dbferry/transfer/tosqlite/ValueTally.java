package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import java.util.ArrayList;
import java.util.List;

/**
 * The affected rows of one finding of the PostgreSQL → SQLite data profile: how many, the first
 * {@value CompatibilityIssue#MAX_EXAMPLES} as examples, and the detail of the first (a reject message). An example
 * is built only while fewer than five are kept, so counting costs nothing per row. Not thread-safe.
 */
final class ValueTally {

    private final List<Example> examples = new ArrayList<>(CompatibilityIssue.MAX_EXAMPLES);
    private long count;
    private String firstDetail;

    /**
     * Whether the next affected row's example is kept: fewer than five are.
     *
     * @return true while examples are wanted
     */
    boolean wantsExample() {
        return examples.size() < CompatibilityIssue.MAX_EXAMPLES;
    }

    /**
     * Counts one affected row.
     *
     * @param example the row's example, kept when {@link #wantsExample()}; null when it is not wanted
     * @param detail what is wrong with the value, null for none
     */
    void add(Example example, String detail) {
        count++;
        if (firstDetail == null) {
            firstDetail = detail;
        }
        if (example != null && wantsExample()) {
            examples.add(example);
        }
    }

    /** The affected rows counted, ≥ 1 once a row was added. */
    long count() {
        return count;
    }

    /** At most five examples in scan order, never null. */
    List<Example> examples() {
        return List.copyOf(examples);
    }

    /** The detail of the first affected row, null when none was given. */
    String firstDetail() {
        return firstDetail;
    }
}
