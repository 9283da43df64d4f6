package io.dbferry.cli;

import io.dbferry.introspect.plan.SyncPlan;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.TargetPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import io.dbferry.transfer.tosqlite.PostgresToSqlite;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dbferry plan SOURCE TARGET}: the DDL that makes the target's schema match the source's. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prints the sync plan: the ordered DDL that makes the target schema match the source's, through the "
                    + "type mapping and cast rules, in phases — tables, (data: migrate's job), keys and indexes, "
                    + "foreign keys, views, identity sequences. For an empty target it creates everything; for an "
                    + "existing one it alters what differs (add a column, widen a type, add a constraint). "
                    + "Destructive statements (drop, narrow) are printed commented out unless --allow-destructive.",
            "",
            "Objects that cannot be translated from SQLite are listed at the end with their SQL and the reason. "
                    + "The plan is printed only; --apply runs it on the target in one transaction.",
            "",
            "With a PostgreSQL SOURCE and a SQLite TARGET, prints the SQLite statements migrate runs on a new file "
                    + "(CREATE TABLE before the load, CREATE INDEX after it) and, as comments, what is not carried "
                    + "over; --apply is not available in that direction.",
            ""},
        footer = {"%nExamples:%n"
                + "  dbferry plan app.db postgresql://app@db/app%n"
                + "  dbferry plan app.db postgresql://app@db/app --output plan.sql%n"
                + "  dbferry plan app.db postgresql://app@db/app --apply%n"
                + "  dbferry plan postgresql://app@db/app local.db%n",
                ExitCodes.HELP_SECTION})
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The SQLite database (sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3), or a "
                    + "PostgreSQL database to plan a SQLite TARGET for.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = "The PostgreSQL database, as for migrate (or the SQLite file, never opened); only read "
                    + "unless --apply. Passwords come "
                    + "from the URL, PGPASSWORD or ~/.pgpass and are never printed.")
    String target;

    @Mixin
    SelectionOptions selection;

    @Mixin
    CastOptions cast;

    @Option(names = "--apply", description = "Run the plan on the target, all of it or nothing, in one transaction.")
    boolean apply;

    @Option(names = "--allow-destructive",
            description = "Keep destructive statements (drop a column or constraint, narrow a type) active in "
                    + "the plan and in --apply. Default: they are commented out and not run.")
    boolean allowDestructive;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the plan to FILE instead of stdout.")
    Path output;

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
            case SQLITE_TO_POSTGRES -> planPostgres();
            case POSTGRES_TO_SQLITE -> planSqlite();
            case POSTGRES_TO_POSTGRES -> {
                route.refuse("plan");
                yield ExitCodes.FAILURE;
            }
        };
    }

    /** PostgreSQL → SQLite: the statements migrate runs on a new SQLite file, and what it leaves out. */
    private int planSqlite() throws Exception {
        Route.POSTGRES_TO_SQLITE.refuseOptions(spec.commandLine().getParseResult(), List.of("--cast", "--cast-file",
                "--target-schema", "--identifiers", "--apply", "--allow-destructive"));
        ReportOutput writer = new ReportOutput();
        writer.output = output;
        writer.checkWritable();
        MigrationOptions options = selection.apply(MigrationOptions.builder()).build();
        try (Target sourceDb = Endpoints.openPostgresSource(source, password.file);
                Connection sourceConnection = sourceDb.pool().connection()) {
            spec.commandLine().getErr().println("dbferry: planning " + sourceDb.pool().url().redacted() + " (schema \""
                    + selection.sourceSchema + "\") → " + DatabaseUrl.parse(target).redacted());
            writer.write(spec, SqlitePlanText.render(PostgresToSqlite.map(sourceConnection, selection.sourceSchema,
                    options)));
        }
        return ExitCodes.OK;
    }

    private int planPostgres() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReportOutput writer = new ReportOutput();
        writer.output = output;
        writer.checkWritable();
        MigrationOptions options = selection.apply(MigrationOptions.builder()).castRules(cast.rules()).build();
        try (Connection sourceConnection = Endpoints.openSqliteSource(source);
                Target targetDb = Endpoints.openPostgresTarget(target, password.file);
                Connection targetConnection = targetDb.pool().connection()) {
            err.println("dbferry: planning " + DatabaseUrl.parse(source).redacted() + " → "
                    + targetDb.pool().url().redacted() + " (schema \"" + options.targetSchema() + "\")");
            SyncPlan plan = TargetPlan.read(sourceConnection, targetConnection, options);
            writer.write(spec, plan.render(allowDestructive));
            if (apply) {
                int statements = TargetPlan.apply(targetConnection, plan, allowDestructive);
                err.println("dbferry: applied " + statements + " statement" + (statements == 1 ? "" : "s")
                        + " in one transaction");
            }
            if (plan.hasDestructiveSteps() && !allowDestructive) {
                err.println("dbferry: destructive statements are commented out; --allow-destructive keeps them");
            }
            err.flush();
        }
        return ExitCodes.OK;
    }
}
