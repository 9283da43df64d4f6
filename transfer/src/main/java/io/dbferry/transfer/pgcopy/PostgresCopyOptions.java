package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.verify.VerifyMode;
import java.util.List;
import java.util.Objects;

/**
 * How to copy a PostgreSQL schema to another PostgreSQL database or schema.
 *
 * @param sourceSchema the schema to read, exact spelling (default: {@code public})
 * @param targetSchema the schema to create the tables in, created if missing, exact spelling (default: the source
 *     schema's name)
 * @param tables source table names to copy, exact case; empty means all (default: all)
 * @param exclude source table names to leave out, exact case (default: none)
 * @param ifExists what to do with target tables that already exist, as {@code migrate --if-exists} (default:
 *     {@link IfExists#FAIL})
 * @param workers how many tables are copied at once, each on its own source and target connection, ≥ 1
 *     (default: {@value #DEFAULT_WORKERS})
 * @param verify how to verify the target at the end, null for not at all (default: {@link VerifyMode#COUNTS})
 */
public record PostgresCopyOptions(String sourceSchema, String targetSchema, List<String> tables,
        List<String> exclude, IfExists ifExists, int workers, VerifyMode verify) {

    /** The default of {@code workers}: two tables at once, as COPY on both ends is mostly server-side work. */
    public static final int DEFAULT_WORKERS = 2;

    /** Copies the lists and checks the required parts. */
    public PostgresCopyOptions {
        Objects.requireNonNull(sourceSchema, "sourceSchema");
        Objects.requireNonNull(targetSchema, "targetSchema");
        tables = List.copyOf(tables);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(ifExists, "ifExists");
    }

    /**
     * The table selection as the forward migration's options hold it, for
     * {@link io.dbferry.transfer.pipeline.TableSelection}.
     *
     * @return never null
     */
    MigrationOptions selection() {
        return MigrationOptions.builder().tables(tables).exclude(exclude).build();
    }

    /**
     * A builder with every default set.
     *
     * @return never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PostgresCopyOptions}; {@link #build()} validates with the option's name in the message. */
    public static final class Builder {
        private String sourceSchema = "public";
        private String targetSchema;
        private List<String> tables = List.of();
        private List<String> exclude = List.of();
        private IfExists ifExists = IfExists.FAIL;
        private int workers = DEFAULT_WORKERS;
        private VerifyMode verify = VerifyMode.COUNTS;

        private Builder() {}

        /**
         * Sets the source schema.
         *
         * @param sourceSchema exact spelling; must not be blank
         * @return this builder
         */
        public Builder sourceSchema(String sourceSchema) {
            this.sourceSchema = sourceSchema;
            return this;
        }

        /**
         * Sets the target schema.
         *
         * @param targetSchema exact spelling, or null for the source schema's name (the default); must not be blank
         * @return this builder
         */
        public Builder targetSchema(String targetSchema) {
            this.targetSchema = targetSchema;
            return this;
        }

        /**
         * Sets the source tables to copy.
         *
         * @param tables exact, case-sensitive names; empty for all; never null
         * @return this builder
         */
        public Builder tables(List<String> tables) {
            this.tables = tables;
            return this;
        }

        /**
         * Sets the source tables to leave out.
         *
         * @param exclude exact, case-sensitive names; never null
         * @return this builder
         */
        public Builder exclude(List<String> exclude) {
            this.exclude = exclude;
            return this;
        }

        /**
         * Sets what happens to target tables that already exist.
         *
         * @param ifExists never null
         * @return this builder
         */
        public Builder ifExists(IfExists ifExists) {
            this.ifExists = ifExists;
            return this;
        }

        /**
         * Sets how many tables are copied at once.
         *
         * @param workers ≥ 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Sets how the target is verified at the end.
         *
         * @param verify {@link VerifyMode#COUNTS} (the default), {@link VerifyMode#CHECKSUM}, or null not to verify
         * @return this builder
         */
        public Builder verify(VerifyMode verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return never null
         * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} naming the option at fault
         */
        public PostgresCopyOptions build() {
            if (sourceSchema == null || sourceSchema.isBlank()) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--source-schema must not be empty");
            }
            if (targetSchema != null && targetSchema.isBlank()) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--target-schema must not be empty");
            }
            if (workers < 1) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--workers must be ≥ 1, was " + workers);
            }
            if (tables.stream().anyMatch(exclude::contains)) {
                throw new DbferryException(ErrorCode.INVALID_OPTION,
                        "--tables and --exclude both name " + tables.stream().filter(exclude::contains).toList());
            }
            return new PostgresCopyOptions(sourceSchema, targetSchema == null ? sourceSchema : targetSchema, tables,
                    exclude, ifExists, workers, verify);
        }
    }
}
