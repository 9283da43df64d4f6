package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.WatermarkIndexCheck;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.Migration;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One sync of a SQLite source into a PostgreSQL target. Under the target schema's {@link SyncLock}: tables
 * without a {@link SyncState} (or whose target table is missing, or whose watermark column changed) are loaded
 * in full by {@link Migration} (creating them if missing, emptying them if not), after their watermark was
 * scanned, so the state saved afterwards is at most the snapshot the load started from; every other table is
 * synced by {@link LaterSyncs}, each in a transaction of its own, parents before the tables whose foreign keys
 * reference them (deletes the other way round); then the tables are verified as {@code migrate} verifies them
 * ({@link MigrationOptions#verify()}: row counts by default), the result in {@link SyncResult#verification()}.
 * The source is only read. The target pool must allow {@link #targetConnections(SyncOptions)} connections.
 * Runs on the caller's thread (and the full load's and the verification's workers); reusable: each
 * {@link #run()} is one sync.
 */
public final class Sync {

    private final Path sourcePath;
    private final DataSource target;
    private final SyncOptions options;
    private final SyncStateStore store = new SyncStateStore();

    /**
     * Prepares syncs.
     *
     * @param source the SQLite database file, opened read-only
     * @param target the target pool, owned by the caller; never null
     * @param options what to sync and how, never null
     */
    public Sync(Path source, DataSource target, SyncOptions options) {
        this.sourcePath = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The connections a sync needs from the target pool: the lock's, the state's, and a full load's.
     *
     * @param options the sync options, never null
     * @return ≥ 3
     */
    public static int targetConnections(SyncOptions options) {
        return 2 + Migration.targetConnections(options.migration());
    }

    /**
     * Runs one sync.
     *
     * @return per table what was done, never null
     * @throws DbferryException with {@link ErrorCode#SYNC_LOCKED} when another sync holds the lock (nothing was
     *     done), {@link ErrorCode#SYNC_REFUSED} when a table cannot be synced incrementally (checked for every
     *     table before anything is written), and as {@link Migration#run()} for a full load
     * @throws SyncFailedException when tables past their first run failed: after the others were synced (and
     *     verified), with what was done
     */
    public SyncResult run() {
        long started = System.nanoTime();
        String schema = options.migration().targetSchema();
        try (SyncLock lock = SyncLock.acquire(target, schema);
                Connection state = target.getConnection();
                Connection source = SqliteSource.openReadOnly(sourcePath)) {
            store.create(state);
            SchemaMapping mapping = SourceMapping.read(source, options.migration());
            Map<String, SyncState> states = store.load(state, schema);
            Set<String> existing = PostgresCatalog.relationNames(state, schema);
            List<TablePlan> plans = mapping.tables().stream().map(t -> plan(t, states, existing)).toList();
            List<TableSyncResult> results = new ArrayList<>(fullLoad(source, state, plans));
            LaterSyncs later = new LaterSyncs(source, state, options);
            results.addAll(later.run(plans.stream().filter(p -> !p.firstRun()).toList()));
            Map<TableId, DbferryException> failures = later.failures();
            VerificationReport verification;
            try {
                verification = verify(source, state, mapping.tables().stream()
                        .filter(t -> !failures.containsKey(t.target())).toList());
            } catch (DbferryException e) {
                if (failures.isEmpty()) {
                    throw e;
                }
                // The tables' failures come first; this one goes with them.
                SyncFailedException failed = new SyncFailedException(result(results, plans, null, started), failures);
                failed.addSuppressed(e);
                throw failed;
            }
            SyncResult result = result(results, plans, verification, started);
            if (!failures.isEmpty()) {
                throw new SyncFailedException(result, failures);
            }
            return result;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "lost a connection during the sync: "
                    + e.getMessage(), e);
        }
    }

    private static SyncResult result(List<TableSyncResult> results, List<TablePlan> plans,
            VerificationReport verification, long startedNanos) {
        return new SyncResult(results.stream().map(r -> withIndexCheck(r, plans)).toList(),
                (System.nanoTime() - startedNanos) / 1_000_000, verification);
    }

    /**
     * Verifies the synced tables as {@code options.migration().verify()} says (row counts by default), after every
     * table committed; null without verification. The source is read anew: rows the application wrote since the
     * sync read a table count as differences, which the next sync brings.
     */
    private VerificationReport verify(Connection source, Connection state, List<MappedTable> tables) {
        VerifyMode mode = options.migration().verify();
        if (mode == null) {
            return null;
        }
        VerifyOptions verifyOptions = VerifyOptions.atEnd(mode, options.migration().workers());
        return new Verifier(source, state, verifyOptions, () -> SqliteSource.openReadOnly(sourcePath),
                target::getConnection).verify(tables, table -> { });
    }

    /** Names the watermark column of a table whose source has no index on it (issue 6: a sync then scans it all). */
    private static TableSyncResult withIndexCheck(TableSyncResult result, List<TablePlan> plans) {
        TablePlan plan = plans.stream().filter(p -> p.table().target().equals(result.target())).findFirst().orElseThrow();
        String column = plan.watermarkColumn();
        return column == null || WatermarkIndexCheck.isIndexed(plan.table().source(), column) ? result
                : result.withWatermarkIssue(WatermarkIndexCheck.issue(plan.table().source().id().name(), column));
    }

    private TablePlan plan(MappedTable table, Map<String, SyncState> states, Set<String> existing) {
        String column = incrementalColumn(table);
        SyncState state = states.get(table.target().name());
        boolean stale = state == null || !existing.contains(table.target().name())
                || !Objects.equals(state.watermarkColumn(), column);
        return new TablePlan(table, column, stale ? null : state);
    }

    /** The watermark column, or null with {@code --full-refresh} when the table has no key or no such column. */
    private String incrementalColumn(MappedTable table) {
        String name = table.source().id().name();
        String column = options.watermarkColumnOf(name);
        String missing = table.primaryKey() == null ? "has no primary key to upsert by"
                : table.source().columns().stream().noneMatch(c -> c.name().equals(column))
                        ? "has no watermark column \"" + column + "\"" : null;
        if (missing == null) {
            requireSoftDeleteColumn(table);
            return column;
        }
        if (options.fullRefresh()) {
            return null;
        }
        throw new DbferryException(ErrorCode.SYNC_REFUSED, "table \"" + name + "\" " + missing + ", so it cannot "
                + "be synced incrementally. Name its watermark column with --table-watermark " + name + "=COLUMN, "
                + "reload it in full each run with --full-refresh, or leave it out with --exclude " + name);
    }

    private void requireSoftDeleteColumn(MappedTable table) {
        String column = options.softDeleteColumn();
        if (column != null && table.source().columns().stream().noneMatch(c -> c.name().equals(column))) {
            throw new DbferryException(ErrorCode.SYNC_REFUSED, "table \"" + table.source().id().name() + "\" has no "
                    + "soft-delete column \"" + column + "\" (--deletes soft:" + column + "); add it to the source "
                    + "or leave the table out with --exclude");
        }
    }

    /** Loads the first-run tables with {@link Migration}, then saves their states in one transaction. */
    private List<TableSyncResult> fullLoad(Connection source, Connection state, List<TablePlan> plans)
            throws SQLException {
        List<TablePlan> first = plans.stream().filter(TablePlan::firstRun).toList();
        if (first.isEmpty()) {
            return List.of();
        }
        List<WatermarkScan> scans = first.stream().map(p -> p.watermarkColumn() == null ? null
                : scanned(source, p)).toList();
        MigrationResult loaded = new Migration(sourcePath, target, fullLoadOptions(first), MigrationListener.NONE).run();
        List<TableSyncResult> results = new ArrayList<>();
        state.setAutoCommit(false);
        try {
            for (int i = 0; i < first.size(); i++) {
                results.add(saveFullLoad(state, first.get(i), scans.get(i), loaded));
            }
            state.commit();
        } finally {
            state.setAutoCommit(true);
        }
        return results;
    }

    private static WatermarkScan scanned(Connection source, TablePlan plan) {
        WatermarkScan scan = WatermarkScan.of(source, plan.table().source().id().name(), plan.watermarkColumn());
        scan.kind(plan.table().source().id().name());
        return scan;
    }

    private TableSyncResult saveFullLoad(Connection state, TablePlan plan, WatermarkScan scan, MigrationResult loaded) {
        TableResult table = loaded.tables().stream().filter(t -> t.target().equals(plan.table().target()))
                .findFirst().orElseThrow();
        store.save(state, new SyncState(plan.table().target().schema(), plan.table().target().name(),
                plan.watermarkColumn(), scan == null ? null : scan.kind(plan.table().source().id().name()),
                scan == null ? null : scan.highSource(),
                scan == null ? null : scan.highNormalised(), OffsetDateTime.now(ZoneOffset.UTC), table.rowsRead(),
                table.rowsWritten()));
        return new TableSyncResult(table.target(), TableSyncResult.Mode.FULL_LOAD, table.rowsRead(),
                table.rowsWritten(), scan == null ? 0 : scan.nulls(), 0, table.millis(), null);
    }

    private MigrationOptions fullLoadOptions(List<TablePlan> first) {
        MigrationOptions m = options.migration();
        MigrationOptions.Builder builder = MigrationOptions.builder()
                .tables(first.stream().map(p -> p.table().source().id().name()).toList())
                .targetSchema(m.targetSchema()).identifiers(m.identifiers()).castRules(m.castRules())
                .workers(m.workers()).batchRows(m.batchRows()).copyFormat(m.copyFormat())
                .maintenanceWorkMem(m.maintenanceWorkMem()).ifExists(IfExists.TRUNCATE).verify(null)
                // A rejected row would be left behind for good: the watermark saved after the load moves past it
                // and no later sync reads it again. Stop instead, as incremental syncs do.
                .onError(OnError.STOP);
        return builder.build();
    }
}
