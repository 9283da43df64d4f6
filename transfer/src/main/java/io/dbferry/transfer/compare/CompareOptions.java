package io.dbferry.transfer.compare;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.util.Objects;

/**
 * What {@code dbferry compare} checks: the migration the given options would run, and how much of the data
 * to profile.
 *
 * @param migration the migration being checked (tables, target schema, identifiers, cast rules), never null
 * @param profileData whether to read the source's rows (default for SQLite sources: true)
 * @param sampleRows rows profiled per table, from the start of each table; 0 for every row (the default)
 */
public record CompareOptions(MigrationOptions migration, boolean profileData, long sampleRows) {

    /**
     * Validates the options.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when {@code sampleRows} is negative
     */
    public CompareOptions {
        Objects.requireNonNull(migration, "migration");
        if (sampleRows < 0) {
            throw new DbferryException(ErrorCode.INVALID_OPTION,
                    "--sample-rows must be a positive number of rows or 'all', was " + sampleRows);
        }
    }
}
