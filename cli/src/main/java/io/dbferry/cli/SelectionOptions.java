package io.dbferry.cli;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say which tables move where and under which names; shared by migrate, compare and verify,
 * so all three see the same tables under the same names.
 */
final class SelectionOptions {

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "Only these source tables (comma-separated, case-sensitive). Default: all.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE",
            description = "Leave these source tables out (comma-separated, case-sensitive).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--target-schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "The PostgreSQL schema the tables are in; migrate creates it if missing (default: "
                    + "${DEFAULT-VALUE}; PostgreSQL → PostgreSQL: the --source-schema).")
    String targetSchema;

    @Option(names = "--source-schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "With a PostgreSQL SOURCE: the schema whose tables are read; other schemas are skipped "
                    + "with a note, as SQLite has no schemas (default: ${DEFAULT-VALUE}).")
    String sourceSchema;

    @Option(names = "--identifiers", paramLabel = "preserve|lower", defaultValue = "preserve",
            description = "preserve: keep names exactly, quoted (what ORMs such as Prisma and TypeORM expect); "
                    + "lower: fold every name to lower case. Default: preserve.")
    IdentifierPolicy identifiers;

    /** A builder with these options applied. */
    MigrationOptions.Builder apply(MigrationOptions.Builder builder) {
        return builder.tables(tables).exclude(exclude).targetSchema(targetSchema).identifiers(identifiers);
    }
}
