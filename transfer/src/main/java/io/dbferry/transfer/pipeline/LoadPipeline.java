package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.RejectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Loads tables chunk by chunk with {@code workers} reader threads ({@code dbferry-reader-N}, each with its
 * own read-only SQLite connection), {@code workers} writer threads ({@code dbferry-writer-N}, each with one
 * target connection, one transaction per chunk) and {@code workers} threads building keys and indexes
 * ({@code dbferry-keys-N}) as soon as each table is loaded, in parallel with the tables still loading.
 *
 * <p>Memory does not grow with table size: writers take at most {@code workers} started chunks from a
 * bounded hand-off queue, and each chunk holds at most {@value ChunkStream#CAPACITY} encoded batches, so
 * at most about {@code 3 × workers × (CAPACITY + 1)} batches of 256 KiB are in flight.
 *
 * <p>The first failure cancels everything: the pools are shut down (interrupting waiting workers), writers
 * roll back their chunk's transaction, and {@link #run} waits for every thread to end before it throws that
 * failure — once, with what stays committed. Chunks committed before it stay in the target. Not reusable.
 */
final class LoadPipeline {

    private static final long STOP_SECONDS = 60;

    private final Path source;
    private final DataSource target;
    private final MigrationOptions options;
    private final MigrationMetrics metrics;
    private final MigrationListener listener;
    private final RejectFiles rejectFiles;
    private final ChunkWriter.ChunkCheckpoint checkpoint;
    private final KeyBuilder keys;
    private final FirstFailure failure = new FirstFailure();
    private final Queue<CompletableFuture<Void>> keyJobs = new ConcurrentLinkedQueue<>();
    private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();
    private ChunkDispatcher dispatcher;
    private ExecutorService keyPool;

    /**
     * Prepares a load.
     *
     * @param listener receives progress events; called from worker threads, one call at a time
     * @param rejectFiles where writers put rejected rows, owned by the caller
     * @param checkpoint records each chunk in its own transaction, called by the writers
     */
    LoadPipeline(Path source, DataSource target, MigrationOptions options, MigrationMetrics metrics,
            MigrationListener listener, RejectFiles rejectFiles, ChunkWriter.ChunkCheckpoint checkpoint) {
        this.rejectFiles = rejectFiles;
        this.checkpoint = checkpoint;
        this.source = source;
        this.target = target;
        this.options = options;
        this.metrics = metrics;
        this.listener = listener;
        this.keys = new KeyBuilder(target, options.maintenanceWorkMem());
    }

    /**
     * Loads the tables and builds the keys and indexes of those that want them.
     *
     * @param tables the tables in load order, each with its chunks, never null
     * @param parentsFirst whether a table waits for the tables it references (see {@link ChunkDispatcher})
     * @return one result per table, in the given order, never null
     * @throws DbferryException the first failure of any worker; when chunks were already committed, a copy
     *     of it whose message says so, with the original as its cause
     */
    List<TableResult> run(List<TableLoad> tables, boolean parentsFirst) {
        int workers = options.workers();
        dispatcher = new ChunkDispatcher(tables, parentsFirst);
        BlockingQueue<ChunkStream> handoff = new ArrayBlockingQueue<>(workers);
        ExecutorService readers = pool("dbferry-reader", workers);
        ExecutorService writers = pool("dbferry-writer", workers);
        keyPool = pool("dbferry-keys", workers);
        try {
            List<CompletableFuture<Void>> reading = new ArrayList<>();
            List<CompletableFuture<Void>> writing = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                reading.add(start(readers, new ChunkReader(source, dispatcher, handoff, options, metrics)));
                writing.add(start(writers, new ChunkWriter(target, handoff, options.copyFormat(), rejectFiles,
                        checkpoint, new ChunkRedo(source, options),
                        this::committed)));
            }
            await(reading);
            endWriters(handoff, workers);
            await(writing);
            await(List.copyOf(keyJobs));
        } finally {
            stop();
        }
        if (failure.failed()) {
            throw reported(failure.first(), tables);
        }
        return tables.stream().map(TableLoad::result).toList();
    }

    /** Called by a writer for each committed chunk, on its thread. */
    private void committed(ChunkStream stream, long rowsWritten, long bytes, long rowsRejected) {
        TableLoad table = stream.table();
        TableId id = table.table().target();
        metrics.chunkWritten(id, rowsWritten, bytes, System.nanoTime() - stream.started());
        boolean last = table.chunkLoaded(stream.rowsRead(), rowsWritten, rowsRejected,
                stream.textChanged());
        listener.on(table.progress());
        if (last) {
            listener.on(new MigrationEvent.TableLoaded(table.result()));
            dispatcher.tableLoaded(id);
            if (table.keysAfterLoad()) {
                keyJobs.add(start(keyPool, () -> keys.build(table.table())));
            }
        }
    }

    private CompletableFuture<Void> start(ExecutorService pool, Runnable task) {
        CompletableFuture<Void> future;
        try {
            future = CompletableFuture.runAsync(task, pool);
        } catch (RejectedExecutionException e) {
            // A failure shut the pools down while tasks were still being started (a reader can fail on its
            // first rows before every writer is started): nothing more starts, and the first failure is reported.
            if (failure.record(e)) {
                pools.forEach(ExecutorService::shutdownNow);
            }
            return CompletableFuture.completedFuture(null);
        }
        future.whenComplete((ignored, e) -> {
            if (e != null && failure.record(e)) {
                pools.forEach(ExecutorService::shutdownNow);
            }
        });
        return future;
    }

    /** Waits until every future is done or any task of the load failed. */
    private void await(List<CompletableFuture<Void>> futures) {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, failure.signal()).get();
        } catch (ExecutionException e) {
            // recorded by the task that failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (failure.record(new DbferryException(ErrorCode.LOAD_FAILED, "the migration was interrupted"))) {
                pools.forEach(ExecutorService::shutdownNow);
            }
        }
    }

    /** Tells each writer to stop once the chunks before are written; gives up when the load has failed. */
    private void endWriters(BlockingQueue<ChunkStream> handoff, int writers) {
        try {
            for (int sent = 0; sent < writers && !failure.failed(); ) {
                if (handoff.offer(ChunkStream.NO_MORE, 100, TimeUnit.MILLISECONDS)) {
                    sent++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (failure.record(new DbferryException(ErrorCode.LOAD_FAILED, "the migration was interrupted"))) {
                pools.forEach(ExecutorService::shutdownNow);
            }
        }
    }

    /** Shuts every pool down and waits for its threads, so none outlives the load. */
    private void stop() {
        pools.forEach(ExecutorService::shutdownNow);
        boolean interrupted = false;
        for (ExecutorService pool : pools) {
            try {
                pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException reported(Throwable first, List<TableLoad> tables) {
        int chunks = tables.stream().mapToInt(TableLoad::chunksLoaded).sum();
        long rows = tables.stream().mapToLong(TableLoad::rowsWritten).sum();
        if (first instanceof DbferryException e && e.getClass() == DbferryException.class && chunks > 0
                && !(e.getCause() instanceof java.sql.SQLException s && KeyBuilder.DUPLICATE_KEY.equals(s.getSQLState()))) {
            return new DbferryException(e.code(), e.getMessage() + " The target keeps the " + rows + " rows of the "
                    + chunks + (chunks == 1 ? " chunk" : " chunks") + " committed before the failure (each chunk "
                    + "is one transaction, checkpointed with it); to continue with the other chunks, run the same "
                    + "command "
                    + "with --resume; to start over, with --if-exists drop.", e);
        }
        return switch (first) {
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new DbferryException(ErrorCode.LOAD_FAILED, "loading failed: " + first, first);
        };
    }

    private ExecutorService pool(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        return pool;
    }
}
