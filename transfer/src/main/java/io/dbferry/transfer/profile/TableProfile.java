package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import java.util.List;
import java.util.Objects;

/**
 * What the data profile found in one source table.
 *
 * @param table the source table name, never null
 * @param rowsScanned the rows whose values were read, ≥ 0 (at most the sample size when one was given)
 * @param issues the data issues, grouped by column and code in the order found; never null, possibly empty
 */
public record TableProfile(String table, long rowsScanned, List<CompatibilityIssue> issues) {

    /** Validates the count and copies the issues. */
    public TableProfile {
        Objects.requireNonNull(table, "table");
        if (rowsScanned < 0) {
            throw new IllegalArgumentException("rowsScanned must be ≥ 0, was " + rowsScanned);
        }
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }
}
