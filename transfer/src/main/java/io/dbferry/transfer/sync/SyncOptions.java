package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Sync} runs.
 *
 * @param migration the table selection, target schema, identifier policy, cast rules and workers, exactly as
 *     for {@code migrate}; also the options of the first full load; never null
 * @param watermarkColumn the source column compared with the high-watermark, for tables without their own
 *     (default: {@code updated_at}); never null
 * @param tableWatermarks per source table, its own watermark column; never null, possibly empty
 * @param lookback how far behind the stored high-watermark each run starts reading again, to catch rows
 *     committed late with an earlier watermark (default: 5 minutes); never null, not negative
 * @param fullRefresh whether tables that cannot be synced incrementally (no primary key or no watermark
 *     column) are reloaded in full each run instead of refused (default: false)
 * @param softDeleteColumn the column that marks a row deleted ({@code --deletes soft:COLUMN}), checked to
 *     exist in every incremental table; null when deletes are not tracked this way
 * @param detectDeletes whether target rows whose primary key the source no longer has are deleted after each
 *     incremental run ({@code --deletes detect}; default: false)
 * @param maxDeleteFraction the largest share of a table's target rows {@code detect} deletes in one run, in
 *     [0, 1] (default: 0.1)
 * @param forceDeletes whether {@code detect} deletes beyond {@code maxDeleteFraction} (default: false)
 */
public record SyncOptions(MigrationOptions migration, String watermarkColumn, Map<String, String> tableWatermarks,
        Duration lookback, boolean fullRefresh, String softDeleteColumn, boolean detectDeletes,
        double maxDeleteFraction, boolean forceDeletes) {

    /** The share of a table {@code --deletes detect} may delete unless forced. */
    public static final double DEFAULT_MAX_DELETE_FRACTION = 0.1;

    /** The watermark column used when none is given. */
    public static final String DEFAULT_WATERMARK_COLUMN = "updated_at";
    /** The lookback used when none is given. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(5);

    /** Validates and copies. */
    public SyncOptions {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(watermarkColumn, "watermarkColumn");
        tableWatermarks = Map.copyOf(Objects.requireNonNull(tableWatermarks, "tableWatermarks"));
        Objects.requireNonNull(lookback, "lookback");
        if (lookback.isNegative()) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--lookback must not be negative, was " + lookback);
        }
        if (!(maxDeleteFraction >= 0 && maxDeleteFraction <= 1)) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--max-delete-fraction must be in [0, 1], was "
                    + maxDeleteFraction);
        }
    }

    /**
     * Options without delete detection.
     *
     * @param migration as for the canonical constructor
     * @param watermarkColumn as for the canonical constructor
     * @param tableWatermarks as for the canonical constructor
     * @param lookback as for the canonical constructor
     * @param fullRefresh as for the canonical constructor
     * @param softDeleteColumn as for the canonical constructor
     */
    public SyncOptions(MigrationOptions migration, String watermarkColumn, Map<String, String> tableWatermarks,
            Duration lookback, boolean fullRefresh, String softDeleteColumn) {
        this(migration, watermarkColumn, tableWatermarks, lookback, fullRefresh, softDeleteColumn, false,
                DEFAULT_MAX_DELETE_FRACTION, false);
    }

    /**
     * The options with every sync default: watermark {@code updated_at}, 5 minutes lookback, no full refresh,
     * deletes not tracked.
     *
     * @param migration the selection and load options, never null
     * @return never null
     */
    public static SyncOptions defaults(MigrationOptions migration) {
        return new SyncOptions(migration, DEFAULT_WATERMARK_COLUMN, Map.of(), DEFAULT_LOOKBACK, false, null);
    }

    /**
     * The watermark column of a source table: its own from {@link #tableWatermarks()}, else the default one.
     *
     * @param sourceTable the source table name, never null
     * @return never null
     */
    public String watermarkColumnOf(String sourceTable) {
        return tableWatermarks.getOrDefault(sourceTable, watermarkColumn);
    }
}
