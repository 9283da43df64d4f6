package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.util.List;

/**
 * Source and target disagree after a move. Carries the whole report, matching tables included, so a caller
 * can show the whole picture. The CLI exits with code 3.
 */
public final class VerificationException extends DbferryException {

    private final transient VerificationReport report;

    /**
     * Creates the exception from a report.
     *
     * @param report a report with at least one differing table; never null
     */
    public VerificationException(VerificationReport report) {
        super(ErrorCode.VERIFICATION_MISMATCH, message(report));
        this.report = report;
    }

    /**
     * The report of every verified table.
     *
     * @return never null
     */
    public VerificationReport report() {
        return report;
    }

    /**
     * The differing tables in one phrase, e.g. {@code "public"."items" has 3 rows, the source 2}.
     *
     * @param report a report, never null
     * @return the differing tables joined by {@code "; "}, empty when none differs; never null
     */
    public static String mismatches(VerificationReport report) {
        return String.join("; ", report.differing().stream().map(VerificationException::mismatch).toList());
    }

    private static String message(VerificationReport report) {
        return "verification failed: " + mismatches(report) + ". Run dbferry verify SOURCE TARGET (with the "
                + "same --tables, --target-schema, --identifiers and --cast) to see which rows differ";
    }

    private static String mismatch(TableVerification table) {
        if (table.sourceRows() != table.targetRows()) {
            return table.target() + " has " + table.targetRows() + " rows, the source " + table.sourceRows();
        }
        String first = table.differences().isEmpty() ? "" : ", e.g. at " + table.differences().getFirst().keyText();
        return table.target() + " differs in " + table.chunksDiffering() + " of " + table.chunksCompared()
                + (table.chunksCompared() == 1 ? " chunk" : " chunks") + first;
    }
}
