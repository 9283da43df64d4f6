package io.dbferry.cli;

import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.transfer.compare.CompareOptions;
import io.dbferry.transfer.compare.PostgresToSqliteCheck;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.SqliteUrl;
import io.dbferry.transfer.pipeline.MigrationListener;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;

/**
 * The PostgreSQL → SQLite branch of {@code compare}: the options that apply to it and the check; the report is
 * rendered and turned into an exit code as in the other direction. Neither side is written, and a missing SQLite
 * file is not created.
 */
final class CompareToSqlite {

    /** compare's options that only mean something with a SQLite SOURCE and a PostgreSQL TARGET. */
    static final List<String> SQLITE_SOURCE_OPTIONS = List.of("--cast", "--cast-file", "--target-schema",
            "--identifiers", "--watermark-column", "--table-watermark");

    private CompareToSqlite() {}

    /**
     * Runs the check of a command whose route is {@link Route#POSTGRES_TO_SQLITE}.
     *
     * @param command the parsed command, never null
     * @param options its options as the other direction builds them, never null
     * @param listener progress, never null
     * @return the report, never null
     * @throws io.dbferry.introspect.DbferryException as {@link PostgresToSqliteCheck#run} does, and with
     *     {@code INVALID_OPTION} (exit code 2) for an option of the other direction
     */
    static CompatibilityReport run(CompareCommand command, CompareOptions options, MigrationListener listener)
            throws Exception {
        Route.POSTGRES_TO_SQLITE.refuseOptions(command.spec.commandLine().getParseResult(), SQLITE_SOURCE_OPTIONS);
        PrintWriter err = command.spec.commandLine().getErr();
        SqliteUrl target = (SqliteUrl) DatabaseUrl.parse(command.endpoints.target);
        try (Target source = Endpoints.openPostgresSource(command.endpoints.source,
                command.password.file);
                Connection connection = source.pool().connection()) {
            String sourceShown = source.pool().url().redacted() + " (schema \"" + command.selection.sourceSchema
                    + "\")";
            err.println("dbferry: comparing " + sourceShown + " → " + target.redacted());
            return new PostgresToSqliteCheck(connection, command.selection.sourceSchema, target.path(), options,
                    listener).run(sourceShown, target.redacted());
        }
    }
}
