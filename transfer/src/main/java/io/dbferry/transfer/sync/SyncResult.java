package io.dbferry.transfer.sync;

import java.util.List;

/**
 * What one sync did.
 *
 * @param tables per table, in the order synced; never null
 * @param millis wall time of the whole sync in milliseconds
 */
public record SyncResult(List<TableSyncResult> tables, long millis) {

    /** Copies the list. */
    public SyncResult {
        tables = List.copyOf(tables);
    }

    /** Rows read from the source, over all tables. */
    public long rowsRead() {
        return tables.stream().mapToLong(TableSyncResult::rowsRead).sum();
    }

    /** Target rows deleted by {@code --deletes detect}, over all tables. */
    public long rowsDeleted() {
        return tables.stream().mapToLong(TableSyncResult::rowsDeleted).sum();
    }

    /** Rows inserted or changed in the target, over all tables. */
    public long rowsUpserted() {
        return tables.stream().mapToLong(TableSyncResult::rowsUpserted).sum();
    }
}
