package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.sync.Sync;
import io.dbferry.transfer.sync.SyncFailedException;
import io.dbferry.transfer.sync.SyncOptions;
import io.dbferry.transfer.sync.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dbferry sync SOURCE TARGET}: brings the target up to date with a source that is still written to. */
@Command(name = "sync",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Brings a PostgreSQL target up to date with a SQLite source that is still in use. The first sync of a "
                    + "table loads it in full as migrate does (creating it if missing, emptying it if not). Later "
                    + "syncs read the rows whose watermark column (a last-changed time, or any number that only "
                    + "grows) is at or after the high-watermark of the previous sync minus --lookback, and upsert "
                    + "them by primary key; unchanged rows are not written.",
            "",
            "Each table's high-watermark is kept in the target in dbferry.sync_state and committed in the same "
                    + "transaction as its rows, so a sync that fails or is killed changes nothing of that table "
                    + "and the next one reads the same rows again. Two syncs never run at once against one target "
                    + "schema (exit code 5). Safe to run from cron or a systemd timer, or with --every.",
            "",
            "At the end, the synced tables are verified as migrate verifies them: row counts by default, every "
                    + "row with --verify checksum, nothing with --no-verify. A difference makes a single sync exit "
                    + "with code 3; with --every it is logged and the next sync runs. Rows the application writes "
                    + "while the sync runs, and with --deletes none rows deleted in the source, count as "
                    + "differences.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry sync app.db postgresql://app@db/app%n"
                + "  dbferry sync app.db postgresql://app@db/app --watermark-column modified --lookback 10m%n"
                + "  dbferry sync app.db postgresql://app@db/app --table-watermark events=ts --deletes soft:deleted_at%n"
                + "  dbferry sync app.db postgresql://app@db/app --deletes detect --max-delete-fraction 0.2%n"
                + "  dbferry sync app.db postgresql://app@db/app --full-refresh --json%n",
                ExitCodes.HELP_SECTION
                + "  5  sync: another sync holds this target schema's lock; nothing was done%n"})
public final class SyncCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The SQLite database: sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = "The PostgreSQL database: postgresql://user[:password]@host[:port]/db or a jdbc:postgresql: "
                    + "URL. Passwords come from --password-file, the URL, PGPASSWORD or ~/.pgpass and are never printed.")
    String target;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--watermark-column", paramLabel = "COLUMN", defaultValue = SyncOptions.DEFAULT_WATERMARK_COLUMN,
            description = "The source column that tells when a row last changed: date-time text in any format "
                    + "SQLite's date functions read (mixed formats are fine), or numbers (epoch seconds, "
                    + "milliseconds, a counter). Create an index on it in the source: later syncs then read only "
                    + "the changed rows through it (each run warns, WATERMARK_NOT_INDEXED, while there is none). "
                    + "Default: ${DEFAULT-VALUE}.")
    String watermarkColumn;

    @Option(names = "--table-watermark", paramLabel = "TABLE=COLUMN",
            description = "A table's own watermark column (repeatable). Default: --watermark-column.")
    Map<String, String> tableWatermarks = new LinkedHashMap<>();

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "5m",
            description = "How far behind the previous high-watermark each sync reads again, to catch rows committed "
                    + "late with an earlier watermark; re-read rows that did not change are not written. Units: "
                    + "ms, s, m, h, d (for numeric watermarks: converted to seconds, milliseconds or microseconds by "
                    + "their size). Default: ${DEFAULT-VALUE}.")
    String lookback;

    @Option(names = "--deletes", paramLabel = "none|soft:COLUMN|detect", defaultValue = "none",
            description = "none: rows deleted in the source stay in the target. soft:COLUMN: rows are deleted by "
                    + "setting COLUMN (which must exist in every table and, like any change, bump the watermark); "
                    + "it syncs like any other column. detect: after the upserts, children before parents, the "
                    + "primary keys of both sides are merged in key order and target rows the source no longer has "
                    + "are deleted, in batches; keys the two databases would sort differently (not integer, text or "
                    + "varchar, or stored in SQLite as another type) are refused. Default: ${DEFAULT-VALUE}.")
    String deletes;

    @Option(names = "--max-delete-fraction", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "With --deletes detect: refuse (and delete nothing of that table) when more than this "
                    + "share of a table's target rows would be deleted, e.g. when pointed at the wrong source. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxDeleteFraction;

    @Option(names = "--force-deletes", description = "With --deletes detect: delete beyond --max-delete-fraction.")
    boolean forceDeletes;

    @Option(names = "--full-refresh",
            description = "Reload tables without a primary key or without the watermark column in full each "
                    + "sync (TRUNCATE and COPY in one transaction) instead of refusing them. Default: false.")
    boolean fullRefresh;

    @Mixin
    VerifyOption verify;

    @Option(names = "--workers", paramLabel = "N",
            description = "Parallel readers and writers of a first, full load. Default: the number of processors, "
                    + "at least 2.")
    Integer workers;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "Keep running: one sync per DURATION (e.g. 10m), one log line per run on stderr (and a "
                    + "warning line per table without an index on its watermark column); a failed or partly failed "
                    + "run is logged and the next one tried. SIGTERM (or Ctrl-C) lets the current run finish, then "
                    + "exits with 0. Default: one sync, then exit.")
    String every;

    @Option(names = "--max-runs", paramLabel = "N", hidden = true,
            description = "With --every: stop after N runs; for tests.")
    Integer maxRuns;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "After each successful sync, replace this file with its figures in Prometheus text "
                    + "format (rows read, upserted and deleted per table, duration, time of the last success, "
                    + "tables the verification found different), "
                    + "e.g. for node-exporter's textfile collector.")
    Path metricsFile;

    @Option(names = "--json",
            description = "Print a machine-readable summary to stdout (per table: target, mode, rows read, rows "
                    + "upserted, rows with a NULL watermark, seconds; and the verification's mode and differing "
                    + "tables); with --every, one such object per run, each on one line (JSON Lines), and "
                    + "{\"error\": {\"code\": …, \"message\": …}} for a failed run.")
    boolean json;

    @Mixin
    CastOptions cast;

    @Mixin
    PasswordFileOption password;

    @Mixin
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SyncOptions options = options();
        Path sourceFile = Endpoints.checkedSqlitePath(source);
        PrintWriter err = spec.commandLine().getErr();
        Duration interval = every == null ? null : DurationText.parse(every, "--every");
        try (Target targetDb = Endpoints.openPostgresTarget(target, Sync.targetConnections(options), password.file)) {
            err.println("dbferry: syncing " + DatabaseUrl.parse(source).redacted() + " → "
                    + targetDb.pool().url().redacted() + (interval == null ? "" : " every " + every));
            Sync sync = new Sync(sourceFile, targetDb.pool().dataSource(), options);
            if (interval != null) {
                new SyncSchedule(sync, interval, maxRuns, err, json ? spec.commandLine().getOut() : null, metricsFile)
                        .run();
                return ExitCodes.OK;
            }
            SyncResult result;
            try {
                result = sync.run();
            } catch (SyncFailedException e) {
                new SyncReport(e.partial()).printHuman(err); // what the other tables did; the error follows
                throw e;
            }
            SyncReport report = new SyncReport(result);
            report.printHuman(err);
            if (metricsFile != null) {
                SyncMetrics.write(metricsFile, result);
            }
            if (json) {
                spec.commandLine().getOut().println(report.toJson());
                spec.commandLine().getOut().flush();
            }
            if (result.verificationFailed()) {
                err.println("dbferry: the target differs from the source after the sync (exit code 3). Rows written "
                        + "to the source while the sync ran arrive with the next sync; rows deleted in the source "
                        + "stay in the target unless --deletes detect or soft:COLUMN. Run dbferry verify SOURCE "
                        + "TARGET to see which rows differ");
                err.flush();
                return ExitCodes.VERIFICATION_MISMATCH;
            }
        }
        return ExitCodes.OK;
    }

    private SyncOptions options() {
        MigrationOptions.Builder builder = selection.apply(MigrationOptions.builder()).castRules(cast.rules())
                .verify(verify.mode());
        MigrationOptions migration = (workers == null ? builder : builder.workers(workers)).build();
        Duration window = DurationText.parse(lookback, "--lookback");
        boolean detect = deletes.equals("detect");
        return new SyncOptions(migration, watermarkColumn, tableWatermarks, window, fullRefresh,
                detect ? null : softDeleteColumn(), detect, maxDeleteFraction, forceDeletes);
    }

    private String softDeleteColumn() {
        if (deletes.equals("none")) {
            return null;
        }
        if (deletes.startsWith("soft:") && deletes.length() > "soft:".length()) {
            return deletes.substring("soft:".length());
        }
        throw new DbferryException(ErrorCode.INVALID_OPTION, "--deletes must be none, detect or soft:COLUMN "
                + "(e.g. soft:deleted_at), was '" + deletes + "'");
    }
}
