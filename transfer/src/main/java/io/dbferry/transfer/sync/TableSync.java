package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.transfer.write.CopyFormat;
import io.dbferry.transfer.write.CopyStatement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.impl.DSL;

/**
 * Syncs one already loaded table in one target transaction: an incremental upsert of the watermark window,
 * or a full refresh; either commits together with the table's new {@link SyncState}, so a crash leaves the old
 * state and the old rows, and the next run reads the same rows again. The source is read in one SQLite
 * transaction, so the watermark scan and the rows read see one snapshot. Each identity column's sequence is
 * moved past the largest value in the table, as {@code migrate} does, so that after a cutover the application's
 * inserts into the target do not collide with synced keys. Not thread-safe.
 */
final class TableSync {

    private final Connection source;
    private final Connection target;
    private final SyncStateStore store = new SyncStateStore();
    private final PostgresDdl ddl = new PostgresDdl();

    /**
     * @param source a read-only SQLite connection, owned by the caller
     * @param target a target connection, owned by the caller; its auto-commit is switched off and on again
     */
    TableSync(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Upserts the rows whose watermark is at or after {@code high − lookback}; see {@link Watermark#window}. The
     * watermark is checked by a {@link WindowScan} when the state knows how the column is stored, else (or when
     * the window holds values of another kind) by a scan of the whole column.
     */
    TableSyncResult incremental(MappedTable table, SyncState state, String column, Duration lookback) {
        long started = System.nanoTime();
        return inTransactions(table, () -> {
            WatermarkScan scan = scan(table.source().id().name(), state, column, lookback);
            Watermark watermark = new Watermark(column, scan.kind(table.source().id().name(),
                    state.watermarkKind() == null ? WatermarkKind.TIMESTAMP_TEXT : state.watermarkKind()));
            WindowUpsert.Counts counts = new WindowUpsert.Counts(0, 0);
            if (state.highWatermarkNormalised() != null) {
                counts = new WindowUpsert(table).run(source, target,
                        watermark.window(state.highWatermarkNormalised(), lookback),
                        watermark.describe(state.highWatermarkNormalised(), lookback));
            } else if (scan.highNormalised() != null) {
                // Every watermark was NULL at the last run: this run reads every row that now has one.
                counts = new WindowUpsert(table).run(source, target, DSL.field(DSL.name(column)).isNotNull(),
                        column + " IS NOT NULL");
            }
            long read = counts.read();
            long upserted = counts.upserted();
            if (upserted > 0) {
                restartIdentities(table);
            }
            boolean moved = scan.highNormalised() != null;
            store.save(target, new SyncState(state.targetSchema(), state.targetTable(), column, watermark.kind(),
                    moved ? scan.highSource() : state.highWatermarkSource(),
                    moved ? scan.highNormalised() : state.highWatermarkNormalised(), now(), read, upserted));
            return new TableSyncResult(table.target(), TableSyncResult.Mode.INCREMENTAL, read, upserted, scan.nulls(), 0,
                    millisSince(started), null);
        });
    }

    /** The window's scan when the state's kind allows one and the window agrees with it, else the census. */
    private WatermarkScan scan(String table, SyncState state, String column, Duration lookback) {
        WatermarkKind known = state.watermarkKind();
        BigDecimal high = state.highWatermarkNormalised();
        if (high != null && (known == WatermarkKind.ISO_TEXT || known == WatermarkKind.NUMBER)) {
            WatermarkScan window = WindowScan.of(source, table, new Watermark(column, known), high, lookback);
            if (window.kind(table, known) == known) { // an empty window agrees with every kind
                return window;
            }
        }
        return WatermarkScan.of(source, table, column);
    }

    /** Empties the table and loads every source row, in one transaction ({@code --full-refresh}). */
    TableSyncResult refresh(MappedTable table) {
        long started = System.nanoTime();
        return inTransactions(table, () -> {
            execute(StagedUpsert.truncate(table));
            long read = new RowCopy(table).copy(source, target, CopyStatement.sql(table, CopyFormat.BINARY),
                    DSL.noCondition(), "all rows");
            restartIdentities(table);
            store.save(target, new SyncState(table.target().schema(), table.target().name(), null, null, null, null, now(),
                    read, read));
            return new TableSyncResult(table.target(), TableSyncResult.Mode.FULL_REFRESH, read, read, 0, 0,
                    millisSince(started), null);
        });
    }

    /** The work a table's sync does inside its transactions. */
    private interface Work {
        TableSyncResult run() throws SQLException;
    }

    /** Runs the work in one source snapshot and one target transaction, committed only when it all worked. */
    private TableSyncResult inTransactions(MappedTable table, Work work) {
        try {
            source.setAutoCommit(false);
            target.setAutoCommit(false);
        } catch (SQLException e) {
            DbferryException failure = failed(table, e);
            undo(failure);
            throw failure;
        }
        try {
            TableSyncResult result = work.run();
            target.commit();
            try {
                endSourceSnapshot();
            } catch (SQLException e) {
                throw new DbferryException(ErrorCode.CONNECTION_FAILED, "synced and committed " + table.target()
                        + ", but could not end the read transaction on the source: " + e.getMessage(), e);
            }
            return result;
        } catch (SQLException e) {
            DbferryException failure = failed(table, e);
            undo(failure);
            throw failure;
        } catch (RuntimeException e) {
            undo(e);
            throw e;
        }
    }

    /** Rolls both sides back after a failure; a connection that is gone has rolled back already. */
    private void undo(RuntimeException failure) {
        try {
            target.rollback();
            target.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            endSourceSnapshot();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void endSourceSnapshot() throws SQLException {
        source.rollback();
        source.setAutoCommit(true);
        target.setAutoCommit(true);
    }

    private static DbferryException failed(MappedTable table, SQLException e) {
        return new DbferryException(ErrorCode.LOAD_FAILED, "failed syncing " + table.target()
                + "; nothing of this table was committed: " + e.getMessage(), e);
    }

    /**
     * Restarts each identity column's sequence after the table's largest value ({@link PostgresDdl#restartIdentity});
     * a sequence is not transactional, so a rolled-back run leaves it where it moved, never below a key.
     */
    private void restartIdentities(MappedTable table) throws SQLException {
        for (MappedColumn column : table.identityColumns()) {
            try (Statement statement = target.createStatement()) {
                statement.execute(ddl.restartIdentity(table.target(), column.targetName()));
            }
        }
    }

    private int execute(String sql) throws SQLException {
        try (Statement statement = target.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
