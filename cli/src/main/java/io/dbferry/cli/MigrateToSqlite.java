package io.dbferry.cli;

import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.SqliteUrl;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.tosqlite.PostgresToSqlite;
import java.io.PrintWriter;
import java.util.List;

/**
 * The PostgreSQL → SQLite branch of {@code migrate}: the options that apply to it, the run, and the summary (the
 * same human lines and {@code --json} shape as the other direction).
 */
final class MigrateToSqlite {

    /** migrate's options that only mean something with a SQLite SOURCE and a PostgreSQL TARGET. */
    static final List<String> SQLITE_SOURCE_OPTIONS = List.of("--cast", "--cast-file", "--target-schema",
            "--identifiers", "--resume", "--state-schema", "--workers", "--copy-format", "--maintenance-work-mem",
            "--text-policy", "--keep", "--metrics-file", "--skip-untranslatable");

    private MigrateToSqlite() {}

    /**
     * Runs the migration of a command whose route is {@link Route#POSTGRES_TO_SQLITE}.
     *
     * @param command the parsed command, never null
     * @param options its options as the other direction builds them, never null
     * @param listener progress, never null
     * @return the exit code: 0, or 4 when rows were rejected
     * @throws Exception as the command's {@code call()} may
     */
    static int run(MigrateCommand command, MigrationOptions options, MigrationListener listener) throws Exception {
        Route.POSTGRES_TO_SQLITE.refuseOptions(command.spec.commandLine().getParseResult(), SQLITE_SOURCE_OPTIONS);
        PrintWriter err = command.spec.commandLine().getErr();
        SqliteUrl target = (SqliteUrl) DatabaseUrl.parse(command.target);
        try (Target source = Endpoints.openPostgresSource(command.source, command.password.file)) {
            String sourceShown = source.pool().url().redacted() + " (schema \"" + command.selection.sourceSchema
                    + "\")";
            if (!command.quiet) {
                err.println("dbferry: migrating " + sourceShown + " → " + target.redacted());
            }
            MigrationResult result = new PostgresToSqlite(source.pool().dataSource(), command.selection.sourceSchema,
                    target.path(), options, listener, !command.safeLoad).run();
            MigrationReport report = new MigrationReport(sourceShown, target.redacted(), result);
            report.printHuman(err);
            if (command.json) {
                command.spec.commandLine().getOut().println(report.toJson());
                command.spec.commandLine().getOut().flush();
            }
            return result.rowsRejected() > 0 ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.OK;
        }
    }
}
