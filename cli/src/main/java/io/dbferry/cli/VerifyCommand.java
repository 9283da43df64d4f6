package io.dbferry.cli;

import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbferry verify SOURCE TARGET}: proof that the target holds exactly the source's data (issue 7). */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Proves that TARGET holds exactly SOURCE's data, after a migration or on a schedule. Both sides are "
                    + "only read, in parallel.",
            "",
            "checksum (the default) compares every row in its canonical form — the value as the target should "
                    + "hold it after the column's transform, so SQLite 1 in a boolean column equals true — hashed "
                    + "per chunk of primary-key range; a differing chunk is split until the rows are found, each "
                    + "reported as missing in target, extra in target, or changed (with the columns and both "
                    + "values). A table without an integer, text or uuid primary key is compared as a multiset: "
                    + "equality is proven, but no row-level diff is possible. counts compares row counts only.",
            "",
            "Give the same --tables, --target-schema, --identifiers and --cast as to migrate, so each table is "
                    + "compared with the table migrate made.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry verify samples/chinook.sqlite postgresql://postgres@localhost/chinook%n"
                + "  dbferry verify app.db postgresql://app@db/app --tables users,orders --max-diffs 100%n"
                + "  dbferry verify app.db postgresql://app@db/app --mode counts --format json%n",
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
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        output.checkWritable();
        VerifyOptions options = VerifyOptions.of(mode, maxDiffs);
        MigrationOptions migration = selection.apply(MigrationOptions.builder()).castRules(cast.rules()).build();
        String sourceShown = DatabaseUrl.parse(endpoints.source).redacted();
        VerificationReport report;
        String targetShown;
        try (Connection sourceConnection = Endpoints.openSqliteSource(endpoints.source);
                Target targetDb = Endpoints.openPostgresTarget(endpoints.target, options.workers());
                Connection targetConnection = targetDb.pool().connection()) {
            targetShown = targetDb.pool().url().redacted();
            err.println("dbferry: verifying " + sourceShown + " → " + targetShown + " (" + mode.label() + ")");
            SchemaMapping mapping = SourceMapping.read(sourceConnection, migration);
            report = new Verifier(sourceConnection, targetConnection, options,
                    () -> Endpoints.openSqliteSource(endpoints.source), targetDb.pool()::connection)
                    .verify(mapping.tables(), table -> {
                        err.println("dbferry: verifying " + table.target());
                        err.flush();
                    });
        }
        output.write(spec, switch (output.format) {
            case TEXT -> VerifyText.render(sourceShown, targetShown, report);
            case JSON -> VerifyJson.render(sourceShown, targetShown, report) + "\n";
            case MARKDOWN -> VerifyMarkdown.render(sourceShown, targetShown, report);
        });
        err.println("dbferry: " + VerifyText.verdict(report));
        err.flush();
        return report.matches() ? ExitCodes.OK : ExitCodes.VERIFICATION_MISMATCH;
    }

}
