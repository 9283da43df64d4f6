package io.dbferry.transfer.sync;

import io.dbferry.introspect.mapping.MappedTable;

/**
 * One table's part in a run of {@link Sync}.
 *
 * @param table the mapped table, never null
 * @param watermarkColumn the watermark column, null for a table reloaded in full ({@code --full-refresh})
 * @param state its state, null on its first sync
 */
record TablePlan(MappedTable table, String watermarkColumn, SyncState state) {

    /** Whether the table is loaded in full this run: it has no state yet. */
    boolean firstRun() {
        return state == null;
    }
}
