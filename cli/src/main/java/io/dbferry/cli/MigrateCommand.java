package io.dbferry.cli;

import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.Migration;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.verify.VerifyMode;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
            "Migrates a SQLite database into PostgreSQL: creates the tables, loads every row with COPY, then "
                    + "builds primary keys, unique constraints, indexes and foreign keys, restarts identity "
                    + "sequences and verifies row counts (or, with --verify checksum, the content of every row).",
            "",
            "The source is opened read-only and never changed. Names are kept exactly (\"Album\" stays "
                    + "\"Album\"). A target that already has any of the tables is refused unless --if-exists "
                    + "says otherwise.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry migrate samples/chinook.sqlite embedded%n"
                + "  dbferry migrate sqlite:app.db postgresql://app@db:5432/app --if-exists drop%n"
                + "  dbferry migrate app.db postgresql://localhost/app --tables users,orders --json%n"
                + "  dbferry migrate app.db embedded --cast \"type datetime to timestamptz\"%n",
                ExitCodes.HELP_SECTION})
public final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The SQLite database: sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = {"The PostgreSQL database: postgresql://user[:password]@host[:port]/db[?sslmode=…], "
                    + "a jdbc:postgresql: URL, or 'embedded' for a throwaway local server that lives for this run.",
                    "Passwords come from the URL, PGPASSWORD or ~/.pgpass and are never printed."})
    String target;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IfExistsOption ifExists;

    @Option(names = "--verify", paramLabel = "counts|checksum", defaultValue = "counts",
            description = "How to verify the target at the end: counts (row counts per table) or checksum (the "
                    + "content of every row, as dbferry verify does; exit code 3 when anything differs). "
                    + "Default: counts.")
    VerifyMode verify;

    @Option(names = "--no-verify",
            description = "Skip the verification at the end (run dbferry verify later).")
    boolean noVerify;

    @Option(names = "--json",
            description = "Print a machine-readable summary to stdout (per table: name, rows read, rows "
                    + "written, seconds). Human output always goes to stderr.")
    boolean json;

    @Option(names = "--keep",
            description = "With TARGET 'embedded': keep the server running after the migration and print its "
                    + "URL, until Ctrl-C.")
    boolean keep;

    @Mixin
    CastOptions cast;

    @Mixin
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        MigrationOptions options = ifExists.apply(selection.apply(MigrationOptions.builder()))
                .castRules(cast.rules())
                .verify(noVerify ? null : verify).build();
        String sourceShown = DatabaseUrl.parse(source).redacted();
        try (Connection sourceConnection = Endpoints.openSqliteSource(source);
                Target targetDb = Endpoints.openPostgresTarget(target)) {
            String targetShown = targetDb.pool().url().redacted();
            err.println("dbferry: migrating " + sourceShown + " → " + targetShown);
            MigrationResult result = new Migration(sourceConnection, targetDb.pool().dataSource(), options,
                    new HumanProgress(err)).run();
            MigrationReport report = new MigrationReport(sourceShown, targetShown, result);
            report.printHuman(err);
            if (json) {
                spec.commandLine().getOut().println(report.toJson());
                spec.commandLine().getOut().flush();
            }
            if (keep && targetDb.server() != null) {
                keepRunning(err, targetDb);
            }
        }
        return ExitCodes.OK;
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
