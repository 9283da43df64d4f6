package io.dbferry.transfer.sync;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.model.TableId;
import java.util.Objects;

/**
 * What one sync did to one table.
 *
 * @param target the target table, never null
 * @param mode how the table was synced, never null
 * @param rowsRead rows read from the source
 * @param rowsUpserted rows inserted or changed in the target (for a full load or refresh: rows written)
 * @param nullWatermarks source rows whose watermark is NULL: loaded by a full load, never by an incremental
 *     run (0 for a refresh)
 * @param rowsDeleted target rows deleted because the source no longer has their key ({@code --deletes detect})
 * @param millis wall time in milliseconds
 * @param watermarkIssue a {@link IssueCode#WATERMARK_NOT_INDEXED} warning when no index of the source table
 *     starts with the watermark column, so that every incremental sync reads the whole table; null when one
 *     does, or for a table reloaded in full
 */
public record TableSyncResult(TableId target, Mode mode, long rowsRead, long rowsUpserted, long nullWatermarks,
        long rowsDeleted, long millis, CompatibilityIssue watermarkIssue) {

    /** How a table was synced. */
    public enum Mode {
        /** First sync of the table: loaded in full as {@code migrate} does, creating it if missing. */
        FULL_LOAD,
        /** Rows in the watermark window upserted by primary key. */
        INCREMENTAL,
        /** Emptied and reloaded in one transaction ({@code --full-refresh}). */
        FULL_REFRESH;

        /** The mode in lower case with dashes, as printed. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The same result with a warning about the table's watermark column.
     *
     * @param issue the warning, never null
     * @return never null
     */
    public TableSyncResult withWatermarkIssue(CompatibilityIssue issue) {
        return new TableSyncResult(target, mode, rowsRead, rowsUpserted, nullWatermarks, rowsDeleted, millis,
                Objects.requireNonNull(issue, "issue"));
    }

    /**
     * The same result with deleted rows counted.
     *
     * @param deleted rows deleted, ≥ 0
     * @param extraMillis the time the deletes took, in milliseconds
     * @return never null
     */
    public TableSyncResult withDeleted(long deleted, long extraMillis) {
        return new TableSyncResult(target, mode, rowsRead, rowsUpserted, nullWatermarks, deleted, millis + extraMillis,
                watermarkIssue);
    }

    /** Validates the parts. */
    public TableSyncResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
    }
}
