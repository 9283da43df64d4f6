package io.dbferry.transfer.verify;

import java.util.List;
import java.util.Objects;

/**
 * What a verification found, table by table.
 *
 * @param mode the mode it ran in, never null
 * @param tables one result per table, in the order verified; never null
 * @param millis wall time in milliseconds
 */
public record VerificationReport(VerifyMode mode, List<TableVerification> tables, long millis) {

    /** Validates the parts and copies the list. */
    public VerificationReport {
        Objects.requireNonNull(mode, "mode");
        tables = List.copyOf(tables);
    }

    /**
     * Whether every table matches.
     *
     * @return true when no table differs (also when there are no tables)
     */
    public boolean matches() {
        return tables.stream().allMatch(TableVerification::matches);
    }

    /**
     * The tables that differ.
     *
     * @return never null, empty when everything matches
     */
    public List<TableVerification> differing() {
        return tables.stream().filter(t -> !t.matches()).toList();
    }
}
