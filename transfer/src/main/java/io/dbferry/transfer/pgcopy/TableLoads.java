package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.TableResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Copies the tables, {@code workers} at once: each worker holds one source session of the shared snapshot and
 * borrows a target connection per table. A kept table ({@code --if-exists truncate}) keeps its foreign keys, so
 * it waits for the kept tables it references; created tables get their foreign keys only after the load and
 * wait for nothing. Every table is attempted; the first failure is thrown once all have ended, the others
 * suppressed in it. Not thread-safe; one {@link #load} per instance.
 */
final class TableLoads {

    private final SourceSnapshot snapshot;
    private final PostgresTarget target;
    private final PostgresCopyOptions options;
    private final TargetKeys keys;
    private final MigrationListener listener;

    TableLoads(SourceSnapshot snapshot, PostgresTarget target, PostgresCopyOptions options, TargetKeys keys,
            MigrationListener listener) {
        this.snapshot = snapshot;
        this.target = target;
        this.options = options;
        this.keys = keys;
        this.listener = listener;
    }

    /**
     * Loads the tables.
     *
     * @param tables the tables, never null
     * @param kept the names of the tables that existed and were kept, never null
     * @return one result per table, in the given order; never null
     * @throws DbferryException the first failure ({@link ErrorCode#LOAD_FAILED}, {@link ErrorCode#DDL_FAILED},
     *     {@link ErrorCode#CONNECTION_FAILED})
     */
    List<TableResult> load(List<CopyTable> tables, Set<String> kept) {
        int workers = Math.max(1, Math.min(options.workers(), tables.size()));
        BlockingQueue<Connection> sessions = new ArrayBlockingQueue<>(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, work -> {
            Thread thread = new Thread(work, "dbferry-pgcopy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < workers; i++) {
                sessions.add(snapshot.openWorker());
            }
            Map<String, CompletableFuture<TableResult>> loads = new LinkedHashMap<>();
            for (CopyTable table : parentsFirst(tables, kept)) {
                boolean keep = kept.contains(table.target().name());
                CompletableFuture<?>[] parents = keep ? parents(table, kept, loads) : new CompletableFuture<?>[0];
                loads.put(table.target().name(), CompletableFuture.allOf(parents)
                        .thenApplyAsync(ignored -> loadOne(sessions, table, keep), pool));
            }
            return results(tables.stream().map(t -> loads.get(t.target().name())).toList());
        } finally {
            pool.shutdownNow();
            sessions.forEach(TableLoads::closeQuietly);
        }
    }

    /**
     * The tables with every kept table after the kept tables it references; tables in a reference cycle keep
     * their order (self-references are checked by COPY at the end of its statement).
     */
    private static List<CopyTable> parentsFirst(List<CopyTable> tables, Set<String> kept) {
        Map<String, CopyTable> pending = new LinkedHashMap<>();
        tables.forEach(t -> pending.put(t.target().name(), t));
        List<CopyTable> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            CopyTable next = pending.values().stream()
                    .filter(t -> !kept.contains(t.target().name()) || t.source().foreignKeys().stream()
                            .map(fk -> fk.referencedTable().name())
                            .noneMatch(p -> !p.equals(t.target().name()) && kept.contains(p) && pending.containsKey(p)))
                    .findFirst()
                    .orElse(pending.values().iterator().next()); // a cycle: take the first and go on
            ordered.add(next);
            pending.remove(next.target().name());
        }
        return ordered;
    }

    /** The loads of the kept tables this kept table references, when they come earlier. */
    private static CompletableFuture<?>[] parents(CopyTable table, Set<String> kept,
            Map<String, CompletableFuture<TableResult>> loads) {
        return table.source().foreignKeys().stream().map(ForeignKey::referencedTable)
                .filter(p -> kept.contains(p.name()) && loads.containsKey(p.name()))
                .map(p -> loads.get(p.name())).toArray(CompletableFuture<?>[]::new);
    }

    private TableResult loadOne(BlockingQueue<Connection> sessions, CopyTable table, boolean kept) {
        long started = System.nanoTime();
        Connection source = sessions.poll(); // one session per worker thread, so one is always free
        try (Connection connection = target.connection()) {
            TablePipe.Counts counts = TablePipe.copy(source, connection, table);
            TargetStatements.run(connection, options.targetSchema(), keys.afterLoad(table, kept));
            TableResult result = new TableResult(table.source().id(), table.target(), counts.rowsRead(),
                    counts.rowsWritten(), 0, null, 0, (System.nanoTime() - started) / 1_000_000);
            listener.on(new MigrationEvent.TableLoaded(result));
            return result;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "failed returning a target connection after "
                    + table.target() + ": " + e.getMessage(), e);
        } finally {
            sessions.add(source);
        }
    }

    private static List<TableResult> results(List<CompletableFuture<TableResult>> loads) {
        List<TableResult> results = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<TableResult> load : loads) {
            try {
                results.add(load.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (first == null) {
                    first = cause;
                } else if (cause != first && !(e.getCause() instanceof CompletionException)) {
                    first.addSuppressed(cause);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.rollback(); // read-only: nothing to keep
            connection.close();
        } catch (SQLException e) {
            // A source session that cannot be closed cleanly is ended by the server when the socket goes.
        }
    }
}
