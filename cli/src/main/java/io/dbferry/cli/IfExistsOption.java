package io.dbferry.cli;

import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.MigrationOptions;
import picocli.CommandLine.Option;

/** {@code --if-exists}: what migrate does with target tables that already exist, and what compare checks for. */
final class IfExistsOption {

    @Option(names = "--if-exists", paramLabel = "fail|drop|truncate", defaultValue = "fail",
            description = "When a target table already exists: fail (change nothing), drop (DROP … CASCADE and "
                    + "recreate) or truncate (keep it, its keys and indexes; empty and reload it). "
                    + "Default: fail.")
    IfExists ifExists;

    /** The builder with this option applied. */
    MigrationOptions.Builder apply(MigrationOptions.Builder builder) {
        return builder.ifExists(ifExists);
    }
}
