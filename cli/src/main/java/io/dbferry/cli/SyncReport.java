package io.dbferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbferry.introspect.DbferryException;
import io.dbferry.transfer.sync.SyncResult;
import io.dbferry.transfer.sync.TableSyncResult;
import io.dbferry.transfer.verify.VerificationException;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.VerifyMode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The summary of one sync, for people (stderr) and for scripts ({@code --json}, stdout).
 *
 * <p>The JSON shape is API: {@code {"tables": [{"target", "mode", "rowsRead", "rowsUpserted",
 * "nullWatermarks", "rowsDeleted", "seconds"}], "rowsRead", "rowsUpserted", "rowsDeleted", "seconds",
 * "verification": {"mode", "equal", "differing": [target]}}}; mode is {@code full-load}, {@code incremental} or
 * {@code full-refresh}; {@code verification} is null with {@code --no-verify}, its mode {@code counts} or
 * {@code checksum}.
 */
final class SyncReport {

    /** One table in the JSON summary. */
    record TableJson(String target, String mode, long rowsRead, long rowsUpserted, long nullWatermarks,
            long rowsDeleted, double seconds) {}

    /** The verification at the end of the sync in the JSON summary. */
    record VerificationJson(String mode, boolean equal, List<String> differing) {}

    /** The JSON summary. */
    record SummaryJson(List<TableJson> tables, long rowsRead, long rowsUpserted, long rowsDeleted,
            double seconds, VerificationJson verification) {}

    /** A failed run in {@code --every}'s JSON Lines: its error code and message. */
    record FailureJson(ErrorJson error) {}

    /** The error of a failed run. */
    record ErrorJson(String code, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final SyncResult result;

    SyncReport(SyncResult result) {
        this.result = result;
    }

    /** One line per table, then the total. */
    void printHuman(PrintWriter err) {
        for (TableSyncResult table : result.tables()) {
            err.printf(Locale.ROOT, "dbferry: %s: %s, %,d rows read, %,d upserted%s%s, %.2f s%n", table.target(),
                    table.mode().label(), table.rowsRead(), table.rowsUpserted(),
                    table.rowsDeleted() == 0 ? "" : String.format(Locale.ROOT, ", %,d deleted", table.rowsDeleted()),
                    nulls(table), table.millis() / 1000.0);
        }
        err.println(oneLine());
        warnings().forEach(err::println);
        err.flush();
    }

    /**
     * One line per table whose watermark column has no index in the source, with the statement that creates
     * one; printed after every run, since every incremental sync of such a table reads all of it.
     *
     * @return never null, possibly empty
     */
    List<String> warnings() {
        return result.tables().stream().map(TableSyncResult::watermarkIssue).filter(Objects::nonNull)
                .map(i -> "dbferry: warning: " + i.message() + "; " + i.suggestion() + " [" + i.code() + "]")
                .toList();
    }

    /** The whole run in one line, as {@code --every} logs it, its verification included. */
    String oneLine() {
        long nulls = result.tables().stream().filter(t -> t.mode() == TableSyncResult.Mode.INCREMENTAL)
                .mapToLong(TableSyncResult::nullWatermarks).sum();
        return String.format(Locale.ROOT, "dbferry: synced %d tables: %,d rows read, %,d upserted, %,d deleted%s "
                + "in %.2f s%s", result.tables().size(), result.rowsRead(), result.rowsUpserted(), result.rowsDeleted(),
                nulls == 0 ? "" : ", " + nulls + " rows with a NULL watermark not synced", result.millis() / 1000.0,
                verification());
    }

    /** The verification's part of the line: empty without one. */
    private String verification() {
        VerificationReport verification = result.verification();
        if (verification == null) {
            return "";
        }
        String what = verification.mode() == VerifyMode.COUNTS ? "row counts" : "row counts and checksums";
        return result.verificationFailed() ? "; NOT verified (" + what + "): "
                + VerificationException.mismatches(verification) : "; verified (" + what + ")";
    }

    /** The summary as an indented JSON object, for {@code --json}. */
    String toJson() throws JsonProcessingException {
        return JSON.writeValueAsString(summary());
    }

    /** The summary as a JSON object on one line, for {@code --json} with {@code --every} (JSON Lines). */
    String toJsonLine() {
        return jsonLine(summary());
    }

    /**
     * A failed run as one JSON line, for {@code --json} with {@code --every}: {@code {"error": {"code": …,
     * "message": …}}}, so that a consumer tells a failed run from a missing one.
     */
    static String failureJsonLine(DbferryException failure) {
        return jsonLine(new FailureJson(new ErrorJson(failure.code().name(), failure.getMessage())));
    }

    private static String jsonLine(Record json) {
        try {
            return JSON_LINE.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings and numbers always serialise
        }
    }

    private SummaryJson summary() {
        List<TableJson> tables = result.tables().stream().map(t -> new TableJson(t.target().toString(),
                t.mode().label(), t.rowsRead(), t.rowsUpserted(), t.nullWatermarks(), t.rowsDeleted(),
                t.millis() / 1000.0)).toList();
        VerificationReport verification = result.verification();
        return new SummaryJson(tables, result.rowsRead(), result.rowsUpserted(), result.rowsDeleted(),
                result.millis() / 1000.0, verification == null ? null
                        : new VerificationJson(verification.mode().label(), !result.verificationFailed(),
                                verification.differing().stream().map(t -> t.target().toString()).toList()));
    }

    private static String nulls(TableSyncResult table) {
        if (table.nullWatermarks() == 0) {
            return "";
        }
        return table.mode() == TableSyncResult.Mode.INCREMENTAL
                ? ", " + table.nullWatermarks() + " rows with a NULL watermark not synced (set it in the source)"
                : ", " + table.nullWatermarks() + " rows with a NULL watermark (loaded)";
    }
}
