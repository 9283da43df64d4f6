package io.dbferry.cli;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say which tables move where, under which names, and what happens to target tables that
 * already exist; shared by migrate and compare, so compare checks exactly the migration migrate would run.
 */
final class SelectionOptions {

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "Only these source tables (comma-separated, case-sensitive). Default: all.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE",
            description = "Leave these source tables out (comma-separated, case-sensitive).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--target-schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "The PostgreSQL schema the tables are in; migrate creates it if missing (default: ${DEFAULT-VALUE}).")
    String targetSchema;

    @Option(names = "--if-exists", paramLabel = "fail|drop|truncate", defaultValue = "fail",
            description = "When a target table already exists: fail (change nothing), drop (DROP … CASCADE and "
                    + "recreate) or truncate (keep it, its keys and indexes; empty and reload it). "
                    + "Default: fail.")
    IfExists ifExists;

    @Option(names = "--identifiers", paramLabel = "preserve|lower", defaultValue = "preserve",
            description = "preserve: keep names exactly, quoted (what ORMs such as Prisma and TypeORM expect); "
                    + "lower: fold every name to lower case. Default: preserve.")
    IdentifierPolicy identifiers;

    /** A builder with these options applied. */
    MigrationOptions.Builder apply(MigrationOptions.Builder builder) {
        return builder.tables(tables).exclude(exclude).targetSchema(targetSchema).ifExists(ifExists)
                .identifiers(identifiers);
    }
}
