package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.pgcopy.PostgresCopyOptions;
import io.dbferry.transfer.pgcopy.PostgresCopyVerification;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.tosqlite.PostgresToSqlite;
import io.dbferry.transfer.tosqlite.ReverseMapping;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code dbferry verify SOURCE TARGET}: proof that the target holds exactly the source's data (issue 7). */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Proves that TARGET holds exactly SOURCE's data, after a migration or on a schedule. Both sides are "
                    + "only read, in parallel. SOURCE and TARGET are SQLite and PostgreSQL; PostgreSQL (its "
                    + "--source-schema) and a SQLite file that migrate wrote; or two PostgreSQL databases or schemas "
                    + "(--source-schema, --target-schema).",
            "",
            "checksum (the default) compares every row in its canonical form — the value as the target should "
                    + "hold it after the column's transform, so SQLite 1 in a boolean column equals true — hashed "
                    + "per chunk of primary-key range; a differing chunk is split until the rows are found, each "
                    + "reported as missing in target, extra in target, or changed (with the columns and both "
                    + "values). PostgreSQL → SQLite compares in the PostgreSQL column's canonical form too: the SQLite "
                    + "value is read as that type (TEXT 2024-01-01T10:00:00.000000 equals a timestamp, 0/1 a "
                    + "boolean, a JSON array an array). A table without an integer, text or uuid "
                    + "primary key is compared as a multiset: "
                    + "equality is proven, but no row-level diff is possible. counts compares row counts only.",
            "",
            "Give the same --tables, --target-schema, --identifiers and --cast as to migrate, so each table is "
                    + "compared with the table migrate made.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry verify samples/chinook.sqlite postgresql://postgres@localhost/chinook%n"
                + "  dbferry verify app.db postgresql://app@db/app --tables users,orders --max-diffs 100%n"
                + "  dbferry verify app.db postgresql://app@db/app --mode counts --format json%n"
                + "  dbferry verify postgresql://app@db/app local.db --source-schema public%n",
                "%nExit codes:%n"
                + "  0  every table matches%n"
                + "  1  the verification itself failed (the message says what failed)%n"
                + "  2  usage error (unknown option, missing argument, invalid option value, bad or unmatched --cast)%n"
                + "  3  at least one table differs%n"})
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ReadOnlyEndpoints endpoints;

    @Mixin
    SelectionOptions selection;

    @Mixin
    CastOptions cast;

    @Option(names = "--mode", paramLabel = "counts|checksum", defaultValue = "checksum",
            description = "counts: row counts per table; checksum: the content of every row. Default: checksum.")
    VerifyMode mode;

    @Option(names = "--max-diffs", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_MAX_DIFFS,
            description = "List at most N differing rows per table (0: only say which tables and chunks differ). "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxDiffs;

    @Mixin
    ReportOutput output;

    @Mixin
    PasswordFileOption password;

    @Mixin
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        output.checkWritable();
        VerifyOptions options = VerifyOptions.of(mode, maxDiffs);
        Route route = Route.of(endpoints.source, endpoints.target);
        VerifyProgressText progress = new VerifyProgressText(err, Terminal.isInteractive());
        Shown shown;
        try {
            shown = switch (route) {
                case SQLITE_TO_POSTGRES -> verifyPostgres(options, err, progress);
                case POSTGRES_TO_SQLITE -> verifySqlite(options, err, progress);
                case POSTGRES_TO_POSTGRES -> verifyPostgresCopy(options, err);
            };
        } finally {
            progress.erase(); // a failure's message starts on a line of its own
        }
        output.write(spec, switch (output.format) {
            case TEXT -> VerifyText.render(shown.source(), shown.target(), shown.report());
            case JSON -> VerifyJson.render(shown.source(), shown.target(), shown.report()) + "\n";
            case MARKDOWN -> VerifyMarkdown.render(shown.source(), shown.target(), shown.report());
        });
        err.println("dbferry: " + VerifyText.verdict(shown.report()));
        err.flush();
        return shown.report().matches() ? ExitCodes.OK : ExitCodes.VERIFICATION_MISMATCH;
    }

    /** What a verification found, with both sides as the report names them. */
    private record Shown(String source, String target, VerificationReport report) {}

    /** PostgreSQL → SQLite: each SQLite value read as its PostgreSQL source column's type, and compared. */
    private Shown verifySqlite(VerifyOptions options, PrintWriter err, VerifyProgressText progress)
            throws Exception {
        Route.POSTGRES_TO_SQLITE.refuseOptions(spec.commandLine().getParseResult(),
                List.of("--cast", "--cast-file", "--target-schema", "--identifiers"));
        MigrationOptions migration = selection.apply(MigrationOptions.builder()).build();
        String targetShown = DatabaseUrl.parse(endpoints.target).redacted();
        try (Target sourceDb = Endpoints.openPostgresSource(endpoints.source, password.file);
                Connection sourceConnection = sourceDb.pool().connection();
                Connection targetConnection = Endpoints.openSqliteTargetReadOnly(endpoints.target)) {
            String sourceShown = sourceDb.pool().url().redacted() + " (schema \"" + selection.sourceSchema + "\")";
            err.println("dbferry: verifying " + sourceShown + " → " + targetShown + " (" + mode.label() + ")");
            SqliteSchema schema = PostgresToSqlite.map(sourceConnection, selection.sourceSchema, migration);
            VerificationReport report = Verifier.postgresToSqlite(sourceConnection, targetConnection, options)
                    .verify(ReverseMapping.of(selection.sourceSchema, schema.tables()),
                            table -> progress.tableStarted('"' + table.source().id().name() + '"'), progress);
            return new Shown(sourceShown, targetShown, report);
        }
    }

    /** PostgreSQL → PostgreSQL: both sides compared as PostgreSQL's text output, column types identical. */
    private Shown verifyPostgresCopy(VerifyOptions options, PrintWriter err) throws Exception {
        ParseResult parsed = spec.commandLine().getParseResult();
        Route.POSTGRES_TO_POSTGRES.refuseOptions(parsed, List.of("--cast", "--cast-file", "--identifiers"));
        if (!(DatabaseUrl.parse(endpoints.target) instanceof PostgresUrl)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "TARGET 'embedded' is a new, empty server: there is "
                    + "nothing to verify against a PostgreSQL source; give a postgresql:// URL");
        }
        PostgresCopyOptions copy = PostgresCopyOptions.builder().sourceSchema(selection.sourceSchema)
                .targetSchema(parsed.hasMatchedOption("--target-schema") ? selection.targetSchema
                        : selection.sourceSchema)
                .tables(selection.tables).exclude(selection.exclude).build();
        try (Target sourceDb = Endpoints.openPostgresSource(endpoints.source, password.file);
                Connection sourceConnection = sourceDb.pool().connection();
                Target targetDb = Endpoints.openPostgresTarget(endpoints.target, password.file);
                Connection targetConnection = targetDb.pool().connection()) {
            String sourceShown = sourceDb.pool().url().redacted() + " (schema \"" + copy.sourceSchema() + "\")";
            String targetShown = targetDb.pool().url().redacted() + " (schema \"" + copy.targetSchema() + "\")";
            err.println("dbferry: verifying " + sourceShown + " → " + targetShown + " (" + mode.label() + ")");
            VerificationReport report = PostgresCopyVerification.verify(sourceConnection, targetConnection, copy,
                    options, table -> {
                        err.println("dbferry: verifying " + table.target());
                        err.flush();
                    });
            return new Shown(sourceShown, targetShown, report);
        }
    }

    private Shown verifyPostgres(VerifyOptions options, PrintWriter err, VerifyProgressText progress)
            throws Exception {
        MigrationOptions migration = selection.apply(MigrationOptions.builder()).castRules(cast.rules()).build();
        String sourceShown = DatabaseUrl.parse(endpoints.source).redacted();
        VerificationReport report;
        String targetShown;
        try (Connection sourceConnection = Endpoints.openSqliteSource(endpoints.source);
                Target targetDb = Endpoints.openPostgresTarget(endpoints.target, options.workers(), password.file);
                Connection targetConnection = targetDb.pool().connection()) {
            targetShown = targetDb.pool().url().redacted();
            err.println("dbferry: verifying " + sourceShown + " → " + targetShown + " (" + mode.label() + ")");
            SchemaMapping mapping = SourceMapping.read(sourceConnection, migration);
            report = new Verifier(sourceConnection, targetConnection, options,
                    () -> Endpoints.openSqliteSource(endpoints.source), targetDb.pool()::connection)
                    .verify(mapping.tables(), table -> progress.tableStarted(table.target().toString()), progress);
        }
        return new Shown(sourceShown, targetShown, report);
    }

}
