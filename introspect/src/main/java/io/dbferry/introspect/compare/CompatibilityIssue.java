package io.dbferry.introspect.compare;

import java.util.List;
import java.util.Objects;

/**
 * One finding of {@code dbferry compare}: what is wrong, where, how many rows it affects, examples and what
 * to do about it.
 *
 * @param code the stable code, never null; it fixes the {@link #severity()}
 * @param table the source table name the issue is about, null for an issue about the whole schema
 * @param column the source column name, null when the issue is about a table or a constraint
 * @param message one sentence saying what was found, naming the object, never null
 * @param affectedRows rows affected in the rows profiled, or {@link #NOT_COUNTED} for a schema issue
 * @param examples at most {@link #MAX_EXAMPLES} affected rows, never null, possibly empty
 * @param suggestion what resolves it: a cast rule, an option, a fix in the source; never null
 */
public record CompatibilityIssue(
        IssueCode code,
        String table,
        String column,
        String message,
        long affectedRows,
        List<Example> examples,
        String suggestion) {

    /** The value of {@link #affectedRows()} for issues that are not about rows. */
    public static final long NOT_COUNTED = -1;

    /** The most examples an issue carries. */
    public static final int MAX_EXAMPLES = 5;

    /** Validates the parts and copies the examples. */
    public CompatibilityIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestion, "suggestion");
        examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_EXAMPLES + " examples, got " + examples.size());
        }
        if (affectedRows < NOT_COUNTED) {
            throw new IllegalArgumentException("affectedRows must be >= -1, was " + affectedRows);
        }
    }

    /**
     * A schema issue: not about rows, without examples.
     *
     * @param code never null
     * @param table the source table, null for the whole schema
     * @param column the source column, possibly null
     * @param message never null
     * @param suggestion never null
     * @return never null
     */
    public static CompatibilityIssue schema(IssueCode code, String table, String column, String message,
            String suggestion) {
        return new CompatibilityIssue(code, table, column, message, NOT_COUNTED, List.of(), suggestion);
    }

    /**
     * The severity, fixed by the code.
     *
     * @return never null
     */
    public Severity severity() {
        return code.severity();
    }

    /**
     * The object as {@code table.column}, {@code table}, or empty for the whole schema.
     *
     * @return never null
     */
    public String object() {
        if (table == null) {
            return column == null ? "" : column;
        }
        return column == null ? table : table + "." + column;
    }
}
