package io.dbferry.transfer.compare;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code dbferry compare} checks: the migration the given options would run, and how much of the data
 * to profile.
 *
 * @param migration the migration being checked (tables, target schema, identifiers, cast rules), never null
 * @param profileData whether to read the source's rows (default for SQLite sources: true)
 * @param sampleRows rows profiled per table, from the start of each table; 0 for every row (the default)
 * @param watermarkColumn the sync watermark column whose index in the source is checked
 *     ({@code --watermark-column}), for tables without their own; null to check only {@code tableWatermarks}
 * @param tableWatermarks per source table, its own sync watermark column ({@code --table-watermark}); never
 *     null, possibly empty
 */
public record CompareOptions(MigrationOptions migration, boolean profileData, long sampleRows,
        String watermarkColumn, Map<String, String> tableWatermarks) {

    /**
     * Validates the options.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when {@code sampleRows} is negative
     */
    public CompareOptions {
        Objects.requireNonNull(migration, "migration");
        tableWatermarks = Map.copyOf(Objects.requireNonNull(tableWatermarks, "tableWatermarks"));
        if (sampleRows < 0) {
            throw new DbferryException(ErrorCode.INVALID_OPTION,
                    "--sample-rows must be a positive number of rows or 'all', was " + sampleRows);
        }
    }

    /**
     * Options that check no watermark column.
     *
     * @param migration as for the canonical constructor
     * @param profileData as for the canonical constructor
     * @param sampleRows as for the canonical constructor
     */
    public CompareOptions(MigrationOptions migration, boolean profileData, long sampleRows) {
        this(migration, profileData, sampleRows, null, Map.of());
    }

    /**
     * The sync watermark column of a source table: its own, else {@link #watermarkColumn()}.
     *
     * @param sourceTable the source table name, never null
     * @return null when no watermark column is to be checked for it
     */
    public String watermarkColumnOf(String sourceTable) {
        return tableWatermarks.getOrDefault(sourceTable, watermarkColumn);
    }
}
