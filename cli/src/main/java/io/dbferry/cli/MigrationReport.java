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
 * "rowsWritten", "seconds"}], "rowsRead", "rowsWritten", "seconds", "verified", "notes"}}.
 */
final class MigrationReport {

    /** One table in the JSON summary. */
    record TableJson(String name, String target, long rowsRead, long rowsWritten, double seconds) {}

    /** The JSON summary. */
    record SummaryJson(String source, String target, List<TableJson> tables, long rowsRead, long rowsWritten,
            double seconds, boolean verified, List<String> notes) {}

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
        err.printf(Locale.ROOT, "dbferry: migrated %d tables, %,d rows in %.2f s%n", result.tables().size(),
                result.rowsWritten(), result.millis() / 1000.0);
        VerificationReport verification = result.verification();
        if (verification != null) {
            err.printf(Locale.ROOT, "dbferry: verified: %s of all %d tables match the source%n",
                    verification.mode() == VerifyMode.COUNTS ? "row counts" : "row counts and checksums of every row",
                    verification.tables().size());
        }
        if (!result.notes().isEmpty()) {
            err.println("dbferry: not carried over (" + result.notes().size() + "):");
            result.notes().forEach(note -> err.println("  - " + note));
        }
        err.flush();
    }

    String toJson() throws JsonProcessingException {
        List<TableJson> tables = result.tables().stream().map(MigrationReport::tableJson).toList();
        return JSON.writeValueAsString(new SummaryJson(source, target, tables, result.rowsRead(),
                result.rowsWritten(), result.millis() / 1000.0, result.verification() != null, result.notes()));
    }

    private static TableJson tableJson(TableResult table) {
        return new TableJson(table.source().name(), table.target().toString(), table.rowsRead(), table.rowsWritten(),
                table.millis() / 1000.0);
    }
}
