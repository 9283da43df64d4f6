package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.util.List;

/**
 * Source and target disagree after a move. Carries every table's counts, matching or not, so a caller can
 * show the whole picture. The CLI exits with code 3.
 */
public final class VerificationException extends DbferryException {

    private final transient List<TableCount> counts;

    /**
     * Creates the exception from the counts of every verified table.
     *
     * @param counts all verified tables, at least one of them mismatching; never null
     */
    public VerificationException(List<TableCount> counts) {
        super(ErrorCode.VERIFICATION_MISMATCH, message(counts));
        this.counts = List.copyOf(counts);
    }

    /**
     * The counts of every verified table.
     *
     * @return never null
     */
    public List<TableCount> counts() {
        return counts;
    }

    private static String message(List<TableCount> counts) {
        List<String> mismatches = counts.stream().filter(c -> !c.matches())
                .map(c -> c.target() + " has " + c.targetRows() + " rows, the source " + c.sourceRows())
                .toList();
        return "verification failed: " + String.join("; ", mismatches);
    }
}
