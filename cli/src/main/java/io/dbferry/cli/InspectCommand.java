package io.dbferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.connect.SqliteUrl;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dbferry inspect URL}: prints the schema dbferry reads from a database. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Prints the schema of a SQLite or PostgreSQL database as dbferry reads it: tables, "
                + "columns with their declared types (and, for SQLite, the PostgreSQL type each maps to), "
                + "primary keys, unique constraints, foreign keys and indexes, plus anything dbferry cannot "
                + "carry over yet. Nothing is changed.", ""},
        footer = {"%nExamples:%n"
                + "  dbferry inspect samples/chinook.sqlite%n"
                + "  dbferry inspect postgresql://postgres@localhost/app --format json%n",
                ExitCodes.HELP_SECTION})
public final class InspectCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "URL",
            description = "sqlite:PATH, a path ending in .db/.sqlite/.sqlite3, postgresql://user@host:port/db "
                    + "or a jdbc: URL.")
    String url;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text for people, json for scripts (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "The PostgreSQL schema to read (default: ${DEFAULT-VALUE}); SQLite always reads main.")
    String schema;

    @Mixin
    PasswordFileOption password;

    @Mixin
    VerboseOption verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        SchemaSnapshot snapshot = switch (parsed) {
            case SqliteUrl sqlite -> {
                try (Connection connection = SqliteSource.openReadOnly(sqlite.path())) {
                    yield SqliteSchemaReader.read(connection);
                }
            }
            case PostgresUrl postgres -> {
                try (PostgresTarget target = PostgresTarget.connect(Endpoints.withPassword(postgres,
                        password.file), 1);
                        Connection connection = target.connection()) {
                    yield PostgresSchemaReader.read(connection, schema);
                }
            }
            default -> throw new DbferryException(ErrorCode.INVALID_URL,
                    "inspect needs a SQLite or PostgreSQL URL, was " + parsed.redacted());
        };
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(snapshot));
        } else {
            new SchemaText(out).print(parsed.redacted(), snapshot);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
