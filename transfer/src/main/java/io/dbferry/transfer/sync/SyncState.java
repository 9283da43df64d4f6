package io.dbferry.transfer.sync;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One table's row of {@code dbferry.sync_state}: where its last sync ended.
 *
 * @param targetSchema the target schema, never null
 * @param targetTable the target table, never null
 * @param watermarkColumn the source watermark column, null for a table reloaded in full each run
 * @param watermarkKind how the column's values are stored, as the first sync's scan of the whole column found
 *     them (and later runs' window scans confirmed); null when not known (a state written before it was kept,
 *     or a table reloaded in full), so that the next run scans the whole column again
 * @param highWatermarkSource the highest watermark read, exactly as the source stores it; null when none
 * @param highWatermarkNormalised the same in comparable form ({@link Watermark#normalised()}); null when none
 * @param lastRunAt when the last sync of this table committed, never null
 * @param rowsRead rows the last sync read from the source
 * @param rowsUpserted rows the last sync inserted or changed in the target
 */
public record SyncState(String targetSchema, String targetTable, String watermarkColumn,
        WatermarkKind watermarkKind, String highWatermarkSource, BigDecimal highWatermarkNormalised, OffsetDateTime lastRunAt, long rowsRead,
        long rowsUpserted) {

    /** Validates the parts. */
    public SyncState {
        Objects.requireNonNull(targetSchema, "targetSchema");
        Objects.requireNonNull(targetTable, "targetTable");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
    }
}
