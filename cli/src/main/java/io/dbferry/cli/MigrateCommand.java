package io.dbferry.cli;

import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.Migration;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.TextPolicy;
import io.dbferry.transfer.write.CopyFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dbferry migrate SOURCE TARGET}: the whole cutover, schema to verification. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Migrates a SQLite database into PostgreSQL, or one schema of a PostgreSQL database into a SQLite file "
                    + "or into another PostgreSQL database or schema (the direction follows SOURCE and TARGET).",
            "",
            "SQLite → PostgreSQL: creates the tables, loads every row with COPY in "
                    + "parallel chunks (one transaction each), builds each table's primary key, unique "
                    + "constraints and indexes as soon as it is loaded, then the foreign keys, restarts identity "
                    + "sequences and verifies row counts (or, with --verify checksum, the content of every row).",
            "",
            "The source is opened read-only and never changed. Names are kept exactly (\"Album\" stays "
                    + "\"Album\"). A target that already has any of the tables is refused unless --if-exists "
                    + "says otherwise.",
            "",
            "PostgreSQL → SQLite: reads the --source-schema in one read-only transaction (one snapshot), creates "
                    + "the SQLite file if missing, creates the tables with their keys, unique constraints, "
                    + "foreign keys "
                    + "and enum CHECKs, inserts the rows in transactions of --batch-rows rows, then builds the indexes "
                    + "and verifies. Types follow the README's PostgreSQL → SQLite table. Options marked (SQLite "
                    + "source), and --cast, --cast-file, --target-schema and --identifiers, are refused in this "
                    + "direction.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry migrate samples/chinook.sqlite embedded%n"
                + "  dbferry migrate sqlite:app.db postgresql://app@db:5432/app --if-exists drop%n"
                + "  dbferry migrate app.db postgresql://localhost/app --tables users,orders --json%n"
                + "  dbferry migrate app.db embedded --cast \"type datetime to timestamptz\"%n"
                + "  dbferry migrate big.db postgresql://localhost/big --workers 4 --metrics-file metrics.prom%n"
                + "  dbferry migrate postgresql://app@db/app local.db --source-schema public --if-exists drop%n",
                ExitCodes.HELP_SECTION})
public final class MigrateCommand implements Callable<Integer> {

    /** Seconds the shutdown hook waits for the workers to roll back before the process ends anyway. */
    private static final long STOP_SECONDS = 30;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The SQLite database (sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3), or the "
                    + "PostgreSQL database to copy into a SQLite file or another PostgreSQL database or schema "
                    + "(postgresql://…, only read).")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = {"The PostgreSQL database: postgresql://user[:password]@host[:port]/db[?sslmode=…], "
                    + "a jdbc:postgresql: URL, or 'embedded' for a throwaway local server that lives for this run; "
                    + "or, with a PostgreSQL SOURCE, the SQLite file to write (created if missing) or another "
                    + "PostgreSQL database or schema.",
                    "Passwords come from --password-file, the URL, PGPASSWORD or ~/.pgpass and are never printed."})
    String target;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IfExistsOption ifExists;

    @Mixin
    VerifyOption verify;

    @Option(names = "--skip-untranslatable",
            description = "(SQLite source) Exit 0 even when schema objects (a default, CHECK, index or view) "
                    + "could not be "
                    + "translated to PostgreSQL and were left out; they are listed either way. Default: exit 4.")
    boolean skipUntranslatable;

    @Option(names = "--json",
            description = "Print a machine-readable summary to stdout (per table: name, rows read, rows "
                    + "written, rows rejected, reject file, seconds). Human output always goes to stderr.")
    boolean json;

    @Option(names = "--keep",
            description = "(SQLite source) With TARGET 'embedded': keep the server running after the migration "
                    + "and print its URL, until Ctrl-C.")
    boolean keep;

    @Option(names = "--workers", paramLabel = "N",
            description = "SQLite source: how many chunks are read, and how many written, at the same time; also "
                    + "how many tables build their keys and indexes at once (default: the number of processors, at "
                    + "least 2). PostgreSQL → PostgreSQL: how many tables are copied at once (default: 2).")
    Integer workers;

    @Option(names = "--batch-rows", paramLabel = "N", defaultValue = "100000",
            description = "About how many rows a chunk holds: tables are split into chunks by rowid or primary "
                    + "key, and each chunk is one COPY and one transaction on the target. Tables with fewer "
                    + "rows are one chunk. PostgreSQL → SQLite: rows per SQLite transaction. Default: "
                    + "${DEFAULT-VALUE}.")
    long batchRows;

    @Option(names = "--quiet", description = "Print only errors and the final summary (no phases, no progress).")
    boolean quiet;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "(SQLite source) At the end (also after a failure), write the migration's metrics to "
                    + "this file in Prometheus text format: rows read, written and rejected, bytes written, chunk "
                    + "durations and queue depth, per table.")
    Path metricsFile;

    @Option(names = "--safe-load", hidden = true,
            description = "PostgreSQL → SQLite: keep journal_mode DELETE and synchronous FULL during the load; for "
                    + "measuring what the relaxed load saves.")
    boolean safeLoad;

    @Option(names = "--copy-format", hidden = true, defaultValue = "binary",
            description = "COPY data format, text or binary; for measuring.")
    CopyFormat copyFormat;

    @Option(names = "--maintenance-work-mem", paramLabel = "SIZE",
            description = "(SQLite source) maintenance_work_mem of the sessions building keys and indexes (up "
                    + "to --workers at "
                    + "once), e.g. 256MB: helps tables of millions of rows. Default: the server's setting.")
    String maintenanceWorkMem;

    @Option(names = "--on-error", paramLabel = "reject|stop", defaultValue = "reject",
            description = "What to do with a row that cannot be written (a value no transform accepts, or one "
                    + "PostgreSQL refuses): reject writes it to the reject file of its table and goes on (exit code "
                    + "4 at the end); stop ends the migration at the first such row, naming it. Default: "
                    + "${DEFAULT-VALUE}.")
    OnError onError;

    @Option(names = "--rejects", paramLabel = "DIR", defaultValue = "dbferry-rejects",
            description = "The directory of the reject files, DIR/<table>.jsonl, created with the first reject. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path rejects;

    @Option(names = "--text-policy", paramLabel = "reject|replace|strip", defaultValue = "reject",
            description = "(SQLite source) What to do with TEXT that is not valid UTF-8 or contains NUL "
                    + "(PostgreSQL text holds "
                    + "neither): reject the row; replace each malformed byte sequence and each NUL with U+FFFD; or "
                    + "strip them. replace and strip count the values they change in the summary. Default: "
                    + "${DEFAULT-VALUE}.")
    TextPolicy textPolicy;

    @Option(names = "--resume",
            description = "(SQLite source) Continue the last unfinished migration into the target schema: the "
                    + "chunks it "
                    + "checkpointed stay, the others are loaded, then keys, foreign keys, identity and verification "
                    + "as usual. The source must be unchanged (same size and modification time).")
    boolean resume;

    @Option(names = "--state-schema", paramLabel = "NAME", defaultValue = "dbferry",
            description = "(SQLite source) The target schema of dbferry's own tables: migration_run (one row a "
                    + "run) and migration_chunk (one checkpoint a loaded chunk, committed with the chunk). Default: "
                    + "${DEFAULT-VALUE}.")
    String stateSchema;

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
        Route route = Route.of(source, target);
        return switch (route) {
            case SQLITE_TO_POSTGRES -> migrateToPostgres();
            case POSTGRES_TO_SQLITE -> MigrateToSqlite.run(this, options(), progress(spec.commandLine().getErr()));
            case POSTGRES_TO_POSTGRES -> MigratePostgresCopy.run(this, progress(spec.commandLine().getErr()));
        };
    }

    private int migrateToPostgres() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        MigrationOptions options = options();
        int exitCode;
        String sourceShown = DatabaseUrl.parse(source).redacted();
        Path sourceFile = Endpoints.checkedSqlitePath(source);
        MeterRegistry registry = metricsFile == null ? new SimpleMeterRegistry()
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Target targetDb = Endpoints.openPostgresTarget(target, Migration.targetConnections(options),
                password.file)) {
            String targetShown = targetDb.pool().url().redacted();
            if (!quiet) {
                err.println("dbferry: migrating " + sourceShown + " → " + targetShown);
            }
            MigrationResult result = run(new Migration(sourceFile, targetDb.pool().dataSource(), options,
                    progress(err), registry), registry, err);
            MigrationReport report = new MigrationReport(sourceShown, targetShown, result);
            exitCode = result.rowsRejected() > 0 || result.untranslatable() > 0 && !skipUntranslatable
                    ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.OK;
            report.printHuman(err);
            if (json) {
                spec.commandLine().getOut().println(report.toJson());
                spec.commandLine().getOut().flush();
            }
            if (keep && targetDb.server() != null) {
                keepRunning(err, targetDb);
            }
        }
        return exitCode;
    }

    private MigrationOptions options() {
        MigrationOptions.Builder builder = ifExists.apply(selection.apply(MigrationOptions.builder()))
                .castRules(cast.rules()).batchRows(batchRows).copyFormat(copyFormat)
                .maintenanceWorkMem(maintenanceWorkMem).verify(verify.mode())
                .onError(onError)
                .rejects(rejects).textPolicy(textPolicy).resume(resume).stateSchema(stateSchema);
        return (workers == null ? builder : builder.workers(workers)).build();
    }

    /** Bars on a terminal, plain lines in a log, nothing with --quiet. */
    private MigrationListener progress(PrintWriter err) {
        if (quiet) {
            return MigrationListener.NONE;
        }
        return Terminal.isInteractive() ? new TerminalProgress(err) : new HumanProgress(err);
    }

    /**
     * Runs the migration and writes the metrics file, also when the migration fails. On SIGINT or SIGTERM a
     * shutdown hook interrupts the migration — readers stop, writers roll back their chunks, the run is
     * recorded as interrupted — waits up to {@value #STOP_SECONDS} s for that, prints one line with the way
     * on, and ends the process with exit code 130.
     */
    private MigrationResult run(Migration migration, MeterRegistry registry, PrintWriter err) throws IOException {
        Thread migrating = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(migrating, stopping, ended, err), "dbferry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return migration.run();
        } catch (RuntimeException e) {
            if (stopping.get()) {
                ended.countDown();
                awaitHalt();
            }
            throw e;
        } finally {
            ended.countDown();
            removeHook(hook);
            if (metricsFile != null) {
                Files.writeString(metricsFile, ((PrometheusMeterRegistry) registry).scrape(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void stop(Thread migrating, AtomicBoolean stopping, CountDownLatch ended, PrintWriter err) {
        stopping.set(true);
        migrating.interrupt();
        try {
            ended.await(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("dbferry: interrupted: chunks in flight were rolled back, committed ones are checkpointed; to "
                + "continue, run the same command with --resume");
        err.flush();
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }

    /** Waits for the shutdown hook, which prints the one-line message and halts the process. */
    private static void awaitHalt() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: only the hook's halt ends this thread
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and ends the process
        }
    }

    /** Blocks until Ctrl-C; the shutdown hook then stops the embedded server. */
    private static void keepRunning(PrintWriter err, Target targetDb) throws InterruptedException {
        err.println("dbferry: the embedded server keeps running at " + targetDb.server().url().redacted()
                + " — press Ctrl-C to stop it");
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(targetDb::close, "dbferry-embedded-shutdown"));
        new CountDownLatch(1).await();
    }
}
