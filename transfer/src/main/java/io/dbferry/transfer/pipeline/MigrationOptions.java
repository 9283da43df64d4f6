package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.transfer.verify.VerifyMode;
import java.util.List;
import java.util.Objects;

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
 */
public record MigrationOptions(
        List<String> tables,
        List<String> exclude,
        String targetSchema,
        IfExists ifExists,
        IdentifierPolicy identifiers,
        VerifyMode verify,
        CastRules castRules) {

    /** Copies the lists. */
    public MigrationOptions {
        tables = List.copyOf(tables);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(targetSchema, "targetSchema");
        Objects.requireNonNull(ifExists, "ifExists");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(castRules, "castRules");
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

        private Builder() {}

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
            return new MigrationOptions(tables, exclude, targetSchema, ifExists, identifiers, verify, castRules);
        }
    }
}
