package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.transfer.compare.CompareOptions;
import io.dbferry.transfer.compare.CompatibilityCheck;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbferry compare SOURCE TARGET}: the compatibility report to read before a cutover or a sync. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Checks, without changing anything, every way migrating SOURCE into TARGET could fail or lose "
                    + "something: the schema mapped through the type mapping and cast rules against the target as "
                    + "it is (an empty target means every table is to be created), names PostgreSQL would "
                    + "truncate or need quoted, and — since SQLite is dynamically typed — the real values of every "
                    + "column: mixed storage classes, values the column's transform would reject, NULLs for NOT "
                    + "NULL columns, duplicate keys, orphaned rows.",
            "",
            "Each finding has a severity (error: the move would fail or lose data; warning: it succeeds but "
                    + "something changes; info), a stable code, the affected rows with up to 5 examples and "
                    + "their primary keys, and what to do about it.",
            "",
            "With a PostgreSQL SOURCE (its --source-schema) and a SQLite TARGET file: the tables to be created or "
                    + "what --if-exists does to those the file has, what the SQLite DDL leaves out (views, CHECKs, "
                    + "partial and expression indexes, other schemas), types kept as text or in UTC, and every "
                    + "value converted as migrate converts it, to find the rows it would reject (years outside "
                    + "1..9999, infinity). The file is only read, and not created when missing.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry compare samples/chinook.sqlite postgresql://postgres@localhost/chinook%n"
                + "  dbferry compare app.db postgresql://app@db/app --format markdown --output report.md%n"
                + "  dbferry compare app.db postgresql://app@db/app --sample-rows 100000 --format json%n"
                + "  dbferry compare app.db postgresql://app@db/app --no-data --watermark-column updated_at%n"
                + "  dbferry compare postgresql://app@db/app local.db --source-schema public%n",
                "%nExit codes:%n"
                + "  0  no errors (warnings and infos may remain)%n"
                + "  1  the check itself failed (the message says what failed)%n"
                + "  2  usage error (unknown option, missing argument, invalid option value, bad or unmatched --cast)%n"
                + "  3  at least one error: the migration would fail or lose data%n"})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    ReadOnlyEndpoints endpoints;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IfExistsOption ifExists;

    @Mixin
    CastOptions cast;

    @Option(names = "--data", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Profile the rows, one scan per table (default: on). "
                    + "--no-data compares the schemas only.")
    boolean data;

    @Option(names = "--sample-rows", paramLabel = "N|all", defaultValue = "all",
            description = "Profile only the first N rows of each table. Counts are then of those rows. "
                    + "Default: all.")
    String sampleRows;

    @Option(names = "--watermark-column", paramLabel = "COLUMN",
            description = "The column dbferry sync will use as watermark: warn (WATERMARK_NOT_INDEXED) for each "
                    + "table that has it but no index in the source starting with it, since every sync then "
                    + "reads the whole table. Default: not checked.")
    String watermarkColumn;

    @Option(names = "--table-watermark", paramLabel = "TABLE=COLUMN",
            description = "A table's own sync watermark column, checked the same way (repeatable).")
    Map<String, String> tableWatermarks = new LinkedHashMap<>();

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
        Route route = Route.of(endpoints.source, endpoints.target);
        PrintWriter err = spec.commandLine().getErr();
        output.checkWritable();
        CompareOptions options = new CompareOptions(
                ifExists.apply(selection.apply(MigrationOptions.builder())).castRules(cast.rules()).build(), data,
                parseSampleRows(sampleRows), watermarkColumn, tableWatermarks);
        MigrationListener listener = event -> {
            if (event instanceof MigrationEvent.PhaseStarted phase) {
                err.println("dbferry: " + phase.phase());
                err.flush();
            }
        };
        CompatibilityReport report = switch (route) {
            case SQLITE_TO_POSTGRES -> compareToPostgres(options, listener, err);
            case POSTGRES_TO_SQLITE -> CompareToSqlite.run(this, options, listener);
            case POSTGRES_TO_POSTGRES -> {
                route.refuse("compare");
                yield null;
            }
        };
        output.write(spec, render(report));
        err.println("dbferry: " + report.verdict());
        err.flush();
        return report.hasErrors() ? ExitCodes.INCOMPATIBLE : ExitCodes.OK;
    }

    private CompatibilityReport compareToPostgres(CompareOptions options, MigrationListener listener,
            PrintWriter err) throws Exception {
        String sourceShown = DatabaseUrl.parse(endpoints.source).redacted();
        try (Connection sourceConnection = Endpoints.openSqliteSource(endpoints.source);
                Target targetDb = Endpoints.openPostgresTarget(endpoints.target, password.file);
                Connection targetConnection = targetDb.pool().connection()) {
            String targetShown = targetDb.pool().url().redacted();
            err.println("dbferry: comparing " + sourceShown + " → " + targetShown);
            return new CompatibilityCheck(sourceConnection, targetConnection, options, listener)
                    .run(sourceShown, targetShown + " (schema \"" + selection.targetSchema + "\")");
        }
    }

    private String render(CompatibilityReport report) throws IOException {
        return switch (output.format) {
            case TEXT -> CompareText.render(report);
            case JSON -> CompareJson.render(report) + "\n";
            case MARKDOWN -> CompareMarkdown.render(report);
        };
    }

    /**
     * Reads {@code --sample-rows}.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when it is neither 'all' nor a positive
     *     whole number
     */
    static long parseSampleRows(String text) {
        if (text.trim().toLowerCase(Locale.ROOT).equals("all")) {
            return CompatibilityReport.ALL_ROWS;
        }
        try {
            long rows = Long.parseLong(text.trim().replace("_", ""));
            if (rows > 0) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what is accepted.
        }
        throw new DbferryException(ErrorCode.INVALID_OPTION,
                "--sample-rows must be 'all' or a positive whole number of rows, was '" + text + "'");
    }
}
