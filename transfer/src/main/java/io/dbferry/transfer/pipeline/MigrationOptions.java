package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.write.CopyFormat;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.TextPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to migrate and how. Build with {@link #builder()}; immutable.
 *
 * @param tables source table names to migrate, exact case; empty means all (default: all)
 * @param exclude source table names to leave out, exact case (default: none)
 * @param targetSchema the PostgreSQL schema to create the tables in, created if missing (default: public)
 * @param ifExists what to do with target tables that already exist (default: {@link IfExists#FAIL})
 * @param identifiers how source names become target names (default: {@link IdentifierPolicy#PRESERVE})
 * @param verify how to verify the target at the end, null for not at all (default: {@link VerifyMode#COUNTS})
 * @param castRules the user's overrides of the type mapping; each must match a column of the tables
 *     migrated (default: none)
 * @param workers how many chunks are read, and how many written, at the same time; also how many tables
 *     have their keys and indexes built at once (default: {@link #defaultWorkers()})
 * @param batchRows about how many rows a chunk holds: one COPY and one transaction on the target
 *     (default: {@value #DEFAULT_BATCH_ROWS})
 * @param copyFormat the COPY data format (default: {@link CopyFormat#BINARY}, the faster; see there)
 * @param maintenanceWorkMem {@code maintenance_work_mem} for the sessions that build keys and indexes, e.g.
 *     {@code "256MB"}; null keeps the server's setting (default: null)
 * @param onError what to do with a row that cannot be written (default: {@link OnError#REJECT})
 * @param rejects the directory of the reject files, created with the first reject
 *     (default: {@code dbferry-rejects} in the working directory)
 * @param textPolicy what to do with TEXT that is not valid UTF-8 or holds NUL (default: {@link TextPolicy#REJECT})
 * @param resume whether to continue the last unfinished run instead of starting one (default: false)
 * @param stateSchema the target schema of dbferry's own run and checkpoint tables (default: {@code dbferry})
 */
public record MigrationOptions(
        List<String> tables,
        List<String> exclude,
        String targetSchema,
        IfExists ifExists,
        IdentifierPolicy identifiers,
        VerifyMode verify,
        CastRules castRules,
        int workers,
        long batchRows,
        CopyFormat copyFormat,
        String maintenanceWorkMem,
        OnError onError,
        Path rejects,
        TextPolicy textPolicy,
        boolean resume,
        String stateSchema) {

    /** Rows per chunk unless {@code --batch-rows} says otherwise. */
    public static final long DEFAULT_BATCH_ROWS = 100_000;

    /** A PostgreSQL memory setting: a whole number and a unit (PostgreSQL docs §20.1.1). */
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,9}(kB|MB|GB|TB)");

    /**
     * The default number of workers: the number of processors, at least 2, so that reading and writing
     * overlap even on one core.
     *
     * @return ≥ 2
     */
    public static int defaultWorkers() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Copies the lists. */
    public MigrationOptions {
        tables = List.copyOf(tables);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(targetSchema, "targetSchema");
        Objects.requireNonNull(ifExists, "ifExists");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(castRules, "castRules");
        Objects.requireNonNull(copyFormat, "copyFormat");
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(rejects, "rejects");
        Objects.requireNonNull(textPolicy, "textPolicy");
        Objects.requireNonNull(stateSchema, "stateSchema");
    }

    /**
     * The options that decide which chunks a migration plans and what each holds: the tables, their names,
     * cast rules, chunk size and what happens to existing tables. A resumed run must be given the same, or its
     * checkpointed chunks would not match the chunks planned again.
     *
     * @return a stable text of those options, never null
     */
    public String chunkPlanKey() {
        return "tables=" + tables + " exclude=" + exclude + " targetSchema=" + targetSchema + " identifiers="
                + identifiers + " castRules=" + castRules + " batchRows=" + batchRows + " ifExists=" + ifExists;
    }

    /**
     * A builder with every default set.
     *
     * @return never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MigrationOptions}; {@link #build()} validates with the option's name in the message. */
    public static final class Builder {
        private List<String> tables = List.of();
        private List<String> exclude = List.of();
        private String targetSchema = "public";
        private IfExists ifExists = IfExists.FAIL;
        private IdentifierPolicy identifiers = IdentifierPolicy.PRESERVE;
        private VerifyMode verify = VerifyMode.COUNTS;
        private CastRules castRules = CastRules.none();
        private int workers = defaultWorkers();
        private long batchRows = DEFAULT_BATCH_ROWS;
        private CopyFormat copyFormat = CopyFormat.BINARY;
        private String maintenanceWorkMem;
        private OnError onError = OnError.REJECT;
        private Path rejects = Path.of("dbferry-rejects");
        private TextPolicy textPolicy = TextPolicy.REJECT;
        private boolean resume;
        private String stateSchema = "dbferry";

        private Builder() {}

        /**
         * Sets what to do with a row that cannot be written.
         *
         * @param onError never null
         * @return this builder
         */
        public Builder onError(OnError onError) {
            this.onError = onError;
            return this;
        }

        /**
         * Sets the directory of the reject files.
         *
         * @param rejects never null
         * @return this builder
         */
        public Builder rejects(Path rejects) {
            this.rejects = rejects;
            return this;
        }

        /**
         * Sets what to do with TEXT that is not valid UTF-8 or holds NUL.
         *
         * @param textPolicy never null
         * @return this builder
         */
        public Builder textPolicy(TextPolicy textPolicy) {
            this.textPolicy = textPolicy;
            return this;
        }

        /**
         * Sets whether to continue the last unfinished run. The run must have been started with the same
         * {@link #chunkPlanKey() chunk-planning options}, {@code ifExists} included; a resumed run does not drop or
         * empty tables again.
         *
         * @param resume true to resume
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Sets the schema of dbferry's run and checkpoint tables on the target.
         *
         * @param stateSchema never null or blank
         * @return this builder
         */
        public Builder stateSchema(String stateSchema) {
            this.stateSchema = stateSchema;
            return this;
        }

        /**
         * Sets the source tables to migrate.
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
         * Sets the target schema.
         *
         * @param targetSchema the schema name, used verbatim; must not be blank
         * @return this builder
         */
        public Builder targetSchema(String targetSchema) {
            this.targetSchema = targetSchema;
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
         * Sets the identifier policy.
         *
         * @param identifiers never null
         * @return this builder
         */
        public Builder identifiers(IdentifierPolicy identifiers) {
            this.identifiers = identifiers;
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
         * Sets the cast rules that override the type mapping.
         *
         * @param castRules never null; {@link CastRules#none()} for none (the default)
         * @return this builder
         */
        public Builder castRules(CastRules castRules) {
            this.castRules = castRules;
            return this;
        }

        /**
         * Sets how many chunks are read and written at once.
         *
         * @param workers ≥ 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Sets about how many rows a chunk holds.
         *
         * @param batchRows ≥ 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder batchRows(long batchRows) {
            this.batchRows = batchRows;
            return this;
        }

        /**
         * Sets the COPY data format; an internal option, for measuring.
         *
         * @param copyFormat never null
         * @return this builder
         */
        public Builder copyFormat(CopyFormat copyFormat) {
            this.copyFormat = copyFormat;
            return this;
        }

        /**
         * Sets {@code maintenance_work_mem} for the sessions building keys and indexes.
         *
         * @param maintenanceWorkMem e.g. {@code "256MB"}, or null for the server's setting (the default)
         * @return this builder
         */
        public Builder maintenanceWorkMem(String maintenanceWorkMem) {
            this.maintenanceWorkMem = maintenanceWorkMem;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return never null
         * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} naming the option at fault
         */
        public MigrationOptions build() {
            if (targetSchema == null || targetSchema.isBlank()) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--target-schema must not be empty");
            }
            if (tables.stream().anyMatch(exclude::contains)) {
                throw new DbferryException(ErrorCode.INVALID_OPTION,
                        "--tables and --exclude both name " + tables.stream().filter(exclude::contains).toList());
            }
            if (workers < 1) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--workers must be ≥ 1, was " + workers);
            }
            if (batchRows < 1) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--batch-rows must be ≥ 1, was " + batchRows);
            }
            if (maintenanceWorkMem != null && !MEMORY.matcher(maintenanceWorkMem).matches()) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--maintenance-work-mem must be a whole "
                        + "number and a unit (kB, MB, GB or TB), e.g. 256MB, was '" + maintenanceWorkMem + "'");
            }
            if (stateSchema == null || stateSchema.isBlank()) {
                throw new DbferryException(ErrorCode.INVALID_OPTION, "--state-schema must not be empty");
            }
            return new MigrationOptions(tables, exclude, targetSchema, ifExists, identifiers, verify, castRules,
                    workers, batchRows, copyFormat, maintenanceWorkMem, onError, rejects, textPolicy, resume,
                    stateSchema);
        }
    }
}
