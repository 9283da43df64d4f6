package io.dbferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.VerifyMode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-run summary of a migration, for people (stderr) and for scripts ({@code --json}, stdout).
 *
 * <p>The JSON shape is API: {@code {"source", "target", "tables": [{"name", "target", "rowsRead",
 * "rowsWritten", "rowsRejected", "rejectFile", "textValuesChanged", "seconds"}], "rowsRead", "rowsWritten",
 * "rowsRejected", "seconds", "verified", "notes"}}; {@code rejectFile} is null for a table without rejects.
 */
final class MigrationReport {

    /** One table in the JSON summary. */
    record TableJson(String name, String target, long rowsRead, long rowsWritten, long rowsRejected, String rejectFile,
            long textValuesChanged, double seconds) {}

    /** The JSON summary. */
    record SummaryJson(String source, String target, List<TableJson> tables, long rowsRead, long rowsWritten,
            long rowsRejected, double seconds, boolean verified, List<String> notes) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String source;
    private final String target;
    private final MigrationResult result;

    MigrationReport(String source, String target, MigrationResult result) {
        this.source = source;
        this.target = target;
        this.result = result;
    }

    void printHuman(PrintWriter err) {
        err.printf(Locale.ROOT, "dbferry: migrated %d tables, %,d rows in %.2f s%s%n", result.tables().size(),
                result.rowsWritten(), result.millis() / 1000.0, result.rowsRejected() == 0 ? ""
                        : String.format(Locale.ROOT, "; %,d rows rejected (exit code 4)", result.rowsRejected()));
        printRejects(err);
        VerificationReport verification = result.verification();
        if (verification != null) {
            err.printf(Locale.ROOT, "dbferry: verified: %s of %s %d tables match the source%n",
                    verification.mode() == VerifyMode.COUNTS ? "row counts" : "row counts and checksums of every row",
                    result.rowsRejected() == 0 ? "all" : "the", verification.tables().size());
        }
        if (!result.notes().isEmpty()) {
            err.println("dbferry: not carried over (" + result.notes().size() + "):");
            result.notes().forEach(note -> err.println("  - " + note));
        }
        err.flush();
    }

    /** Rows read = written + rejected, and where the rejects are, for each table that had any. */
    private void printRejects(PrintWriter err) {
        for (TableResult table : result.tables()) {
            if (table.rowsRejected() > 0) {
                err.printf(Locale.ROOT, "dbferry: %s: %,d rows read = %,d written + %,d rejected (see %s; not verified)%n",
                        table.source().name(), table.rowsRead(), table.rowsWritten(), table.rowsRejected(),
                        table.rejectFile());
            }
            if (table.textChanged() > 0) {
                err.printf(Locale.ROOT, "dbferry: %s: --text-policy changed %,d values%n", table.source().name(),
                        table.textChanged());
            }
        }
    }

    String toJson() throws JsonProcessingException {
        List<TableJson> tables = result.tables().stream().map(MigrationReport::tableJson).toList();
        return JSON.writeValueAsString(new SummaryJson(source, target, tables, result.rowsRead(),
                result.rowsWritten(), result.rowsRejected(), result.millis() / 1000.0, result.verification() != null, result.notes()));
    }

    private static TableJson tableJson(TableResult table) {
        return new TableJson(table.source().name(), table.target().toString(), table.rowsRead(), table.rowsWritten(),
                table.rowsRejected(), table.rejectFile() == null ? null : table.rejectFile().toString(),
                table.textChanged(), table.millis() / 1000.0);
    }
}
