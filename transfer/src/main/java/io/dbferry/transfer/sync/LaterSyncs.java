package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.TableId;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The syncs of the tables past their first run, in one run of {@link Sync}, each in a transaction of its own:
 * upserts (or reloads) parents first ({@link TableOrder}), then, with {@code --deletes detect}, deletes children
 * first, each table's in a transaction of their own. A table whose upsert fails (a rejected value, mixed
 * watermark formats, a failed statement) is rolled back and kept in {@link #failures()}, and so is a table whose
 * deletes fail or are refused (its upsert stays committed); the others go on. Not thread-safe; one per run.
 */
final class LaterSyncs {

    private final Connection source;
    private final Connection target;
    private final SyncOptions options;
    private final TableSync tableSync;
    private final Map<TableId, DbferryException> failures = new LinkedHashMap<>();

    /**
     * @param source the read-only SQLite connection, owned by the caller
     * @param target the target connection, owned by the caller
     * @param options the sync's options, never null
     */
    LaterSyncs(Connection source, Connection target, SyncOptions options) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.tableSync = new TableSync(source, target);
    }

    /**
     * Syncs the tables.
     *
     * @param plans the tables past their first run, never null
     * @return per table whose upsert did not fail, in the order of {@code plans}; never null
     */
    List<TableSyncResult> run(List<TablePlan> plans) {
        Map<TableId, TablePlan> byTarget = new HashMap<>();
        plans.forEach(p -> byTarget.put(p.table().target(), p));
        List<MappedTable> order = TableOrder.parentsFirst(plans.stream().map(TablePlan::table).toList());
        Map<TableId, TableSyncResult> results = new HashMap<>();
        for (MappedTable table : order) {
            TablePlan plan = byTarget.get(table.target());
            try {
                results.put(table.target(), plan.watermarkColumn() == null ? tableSync.refresh(table)
                        : tableSync.incremental(table, plan.state(), plan.watermarkColumn(), options.lookback()));
            } catch (DbferryException e) {
                failures.put(table.target(), e);
            }
        }
        if (options.detectDeletes()) {
            for (MappedTable table : order.reversed()) {
                TableSyncResult synced = results.get(table.target());
                if (synced != null && byTarget.get(table.target()).watermarkColumn() != null) {
                    try {
                        results.put(table.target(), deletes(table, synced));
                    } catch (DbferryException e) {
                        failures.put(table.target(), e); // its upsert stays committed and counted
                    }
                }
            }
        }
        return plans.stream().map(p -> results.get(p.table().target())).filter(Objects::nonNull).toList();
    }

    /**
     * The tables that failed and their errors, in the order they failed.
     *
     * @return never null; empty when none failed
     */
    Map<TableId, DbferryException> failures() {
        return failures;
    }

    /** With {@code --deletes detect}: deletes the target rows the source no longer has. */
    private TableSyncResult deletes(MappedTable table, TableSyncResult synced) {
        long started = System.nanoTime();
        long deleted = new DeleteDetector(source, target).deleteMissing(table, options.maxDeleteFraction(),
                options.forceDeletes());
        return synced.withDeleted(deleted, (System.nanoTime() - started) / 1_000_000);
    }
}
