package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;

/**
 * Computes the digests of all chunks of a table on both sides at once: each side's chunks are taken in turn by
 * that side's workers, one thread and one connection each, so neither side waits for the other chunk by chunk
 * and each side reads several chunks at a time (the profile of issue 7: a lock-step source and target left the
 * target's thread idle half the time). Not thread-safe; close it to stop its threads. The connections are the
 * caller's.
 */
final class ChunkDigests implements AutoCloseable {

    private final List<Connection> source;
    private final List<Connection> target;
    private final ExecutorService workers;

    /**
     * @param source one connection per source worker, never empty
     * @param target one connection per target worker, never empty
     */
    ChunkDigests(List<Connection> source, List<Connection> target) {
        this.source = List.copyOf(source);
        this.target = List.copyOf(target);
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(source.size() + target.size(), work -> {
            Thread thread = new Thread(work, "dbferry-verify-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The digests of every chunk on both sides.
     *
     * @param chunks the chunks, never null
     * @param sourceRows the rows of the table on the source side through a given connection, never null
     * @param targetRows the same for the target side, never null
     * @param binary whether to hash the rows' binary COPY form ({@link TableRows#binaryDigest}) instead of their
     *     canonical text ({@link TableRows#digest})
     * @param progress told after each chunk whose digests both sides have, one call at a time; never null
     * @return the digests of each chunk, in the order of {@code chunks}; never null
     * @throws RuntimeException what a worker threw (a {@link DbferryException} naming side, table and range)
     */
    List<BothSides.Both<ChunkDigest, ChunkDigest>> of(List<KeyRange> chunks,
            Function<Connection, TableRows> sourceRows, Function<Connection, TableRows> targetRows, boolean binary,
            Progress progress) {
        ChunkDigest[] sourceDigests = new ChunkDigest[chunks.size()];
        ChunkDigest[] targetDigests = new ChunkDigest[chunks.size()];
        Done done = new Done(sourceDigests, progress);
        AtomicBoolean failed = new AtomicBoolean();
        // Every reader is built before any worker starts: building one can fail (a session setting, say), and no
        // worker may then still be reading through a connection the caller goes on to close.
        List<TableRows> sourceSides = source.stream().map(sourceRows).toList();
        List<TableRows> targetSides = target.stream().map(targetRows).toList();
        List<Future<?>> running = new ArrayList<>();
        running.addAll(start(chunks, sourceSides, sourceDigests, binary, failed, done));
        running.addAll(start(chunks, targetSides, targetDigests, binary, failed, done));
        awaitAll(running);
        List<BothSides.Both<ChunkDigest, ChunkDigest>> digests = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            digests.add(new BothSides.Both<>(sourceDigests[i], targetDigests[i]));
        }
        return digests;
    }

    /** Starts one worker per reader; each takes the next chunk not yet taken until none is left. */
    private List<Future<?>> start(List<KeyRange> chunks, List<TableRows> sides, ChunkDigest[] digests,
            boolean binary, AtomicBoolean failed, Done done) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> started = new ArrayList<>();
        for (TableRows side : sides) {
            started.add(workers.submit(() -> {
                try {
                    int i = next.getAndIncrement();
                    while (i < chunks.size() && !failed.get()) {
                        KeyRange chunk = chunks.get(i);
                        digests[i] = binary ? side.binaryDigest(chunk) : side.digest(chunk);
                        done.side(i);
                        i = next.getAndIncrement();
                    }
                } catch (RuntimeException e) {
                    failed.set(true); // the other workers stop after their current chunk
                    throw e;
                }
            }));
        }
        return started;
    }

    /** Told the chunks done and the source rows in them, after each chunk both sides have hashed. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param chunks the chunks done so far, at least 1
         * @param sourceRows the source rows in them
         */
        void digested(int chunks, long sourceRows);
    }

    /**
     * Counts the chunks both sides are done with: each side's worker calls {@link #side} after storing its
     * digest, and the second call of a chunk (whichever side is later) tells the progress, under a lock.
     */
    private static final class Done {
        private final ChunkDigest[] sourceDigests;
        private final AtomicIntegerArray sides;
        private final Progress progress;
        private int chunks;
        private long sourceRows;

        Done(ChunkDigest[] sourceDigests, Progress progress) {
            this.sourceDigests = sourceDigests;
            this.sides = new AtomicIntegerArray(sourceDigests.length);
            this.progress = progress;
        }

        /** One side has stored chunk {@code i}'s digest. */
        void side(int i) {
            if (sides.incrementAndGet(i) == 2) { // the source's digest was stored before its increment
                synchronized (this) {
                    chunks++;
                    sourceRows += sourceDigests[i].rows();
                    progress.digested(chunks, sourceRows);
                }
            }
        }
    }

    /** Waits for every worker, then throws the first failure with the others suppressed in it. */
    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> work : running) {
            try {
                work.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(w -> w.cancel(true));
                throw new DbferryException(ErrorCode.VERIFY_FAILED, "interrupted while computing chunk digests", e);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new DbferryException(ErrorCode.VERIFY_FAILED, "failed computing chunk digests: "
                                + e.getCause(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
