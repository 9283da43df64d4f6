package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.pgcopy.PostgresCopyMigration;
import io.dbferry.transfer.pgcopy.PostgresCopyOptions;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationResult;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * The PostgreSQL → PostgreSQL branch of {@code migrate}: one schema of a database copied, with identical column
 * types, into another database or another schema of the same one, by binary COPY on both ends (see
 * {@link PostgresCopyMigration}). The summary has the same human lines and {@code --json} shape as the other
 * routes.
 */
final class MigratePostgresCopy {

    /** migrate's options that only mean something when SQLite is one of the two sides. */
    static final List<String> SQLITE_ONLY_OPTIONS = List.of("--cast", "--cast-file", "--identifiers", "--resume",
            "--state-schema", "--copy-format", "--maintenance-work-mem", "--text-policy", "--keep", "--metrics-file",
            "--skip-untranslatable", "--on-error", "--rejects", "--batch-rows", "--safe-load");

    private MigratePostgresCopy() {}

    /**
     * Runs the copy of a command whose route is {@link Route#POSTGRES_TO_POSTGRES}.
     *
     * @param command the parsed command, never null
     * @param listener progress, never null
     * @return the exit code: 0 (a copy rejects no rows: a value PostgreSQL refuses fails the table)
     * @throws Exception as the command's {@code call()} may, in particular {@link DbferryException} with
     *     {@link ErrorCode#INVALID_OPTION} for an option of the other routes, with
     *     {@link ErrorCode#INVALID_URL} for an {@code embedded} target, and as {@link PostgresCopyMigration#run}
     */
    static int run(MigrateCommand command, MigrationListener listener) throws Exception {
        ParseResult parsed = command.spec.commandLine().getParseResult();
        Route.POSTGRES_TO_POSTGRES.refuseOptions(parsed, SQLITE_ONLY_OPTIONS);
        PrintWriter err = command.spec.commandLine().getErr();
        PostgresUrl source = Endpoints.withPassword((PostgresUrl) DatabaseUrl.parse(command.source),
                command.password.file);
        if (!(DatabaseUrl.parse(command.target) instanceof PostgresUrl parsedTarget)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "TARGET 'embedded' is not available for a PostgreSQL "
                    + "source: give a postgresql:// URL");
        }
        PostgresUrl target = Endpoints.withPassword(parsedTarget, command.password.file);
        PostgresCopyOptions options = options(command, parsed);
        String sourceShown = source.redacted() + " (schema \"" + options.sourceSchema() + "\")";
        String targetShown = target.redacted() + " (schema \"" + options.targetSchema() + "\")";
        if (!command.quiet) {
            err.println("dbferry: copying " + sourceShown + " → " + targetShown);
        }
        MigrationResult result = new PostgresCopyMigration(options, listener).run(source, target);
        MigrationReport report = new MigrationReport(sourceShown, targetShown, result);
        report.printHuman(err);
        if (command.json) {
            command.spec.commandLine().getOut().println(report.toJson());
            command.spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * The copy's options from the command's: the target schema is the source schema's name unless
     * {@code --target-schema} is given.
     */
    static PostgresCopyOptions options(MigrateCommand command, ParseResult parsed) {
        SelectionOptions selection = command.selection;
        PostgresCopyOptions.Builder builder = PostgresCopyOptions.builder().sourceSchema(selection.sourceSchema)
                .targetSchema(parsed.hasMatchedOption("--target-schema") ? selection.targetSchema
                        : selection.sourceSchema)
                .tables(selection.tables).exclude(selection.exclude).ifExists(command.ifExists.ifExists)
                .verify(command.verify.mode());
        return (command.workers == null ? builder : builder.workers(command.workers)).build();
    }
}
