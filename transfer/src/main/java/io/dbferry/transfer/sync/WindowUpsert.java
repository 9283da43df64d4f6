package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyFormat;
import io.dbferry.transfer.write.CopyStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.Condition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Upserts the source rows of one incremental run through a staging table ({@link StagedUpsert#createStaging}),
 * with the client's work and the server's overlapping: a reader
 * thread reads, converts and encodes the rows into batches of about {@value #BATCH_BYTES} bytes (each a complete
 * binary COPY stream, see {@link RowCopy#batches}) and queues at most {@value #QUEUED} of them; the calling thread
 * copies each batch into the staging table, upserts it into the target ({@link StagedUpsert#upsert}) and empties
 * the staging table, while the reader prepares the next batch. Without the overlap a run costs the client's time
 * plus the server's; with it, less when each has cores of its own (21 % less with PostgreSQL and dbferry pinned
 * to one core each), about the same when they share too few (benchmarks/RESULTS.md, issue 6).
 *
 * <p>Everything runs in the caller's target transaction, so a failure anywhere leaves nothing for the caller's
 * rollback to miss. The reader thread is the only user of the source connection while {@link #run} runs; on a
 * failure it is stopped (it checks for that after every row) and waited for, up to a minute, before
 * {@link #run} returns. Not thread-safe: one run at a time.
 */
final class WindowUpsert {

    /** The size after which the reader closes a batch, in bytes: a few thousand rows of a typical table. */
    static final int BATCH_BYTES = 1 << 20;

    /**
     * Batches the reader may queue ahead of the upserts; memory in flight is at most this many batches plus the
     * one being upserted and the one being encoded.
     */
    static final int QUEUED = 2;

    /** Marks the end of the batches. */
    private static final CopyData END = new CopyData(new byte[0], 0);

    private final MappedTable table;
    private final RowCopy rows;

    /**
     * @param table the mapped table, never null
     */
    WindowUpsert(MappedTable table) {
        this.table = table;
        this.rows = new RowCopy(table);
    }

    /**
     * What a run did.
     *
     * @param read the rows read from the source
     * @param upserted the target rows inserted or changed; rows equal to the target's are read, not written
     */
    record Counts(long read, long upserted) {}

    /**
     * Creates the staging table (dropped at the caller's commit), reads the rows that satisfy {@code where} and
     * upserts them.
     *
     * @param source the SQLite connection, in the caller's read transaction; used only by the reader thread
     *     while this runs; never null
     * @param target the target connection, in the caller's transaction; never null
     * @param where which source rows, never null
     * @param description the rows in words, for messages; never null
     * @return the counts, never null
     * @throws DbferryException with {@code VALUE_REJECTED} for a value its transform rejects, {@code LOAD_FAILED}
     *     when SQLite, a COPY or an upsert fails; the caller rolls back
     */
    Counts run(Connection source, Connection target, Condition where, String description) {
        execute(target, StagedUpsert.createStaging(table), description);
        BlockingQueue<CopyData> queue = new ArrayBlockingQueue<>(QUEUED);
        ExecutorService reader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("dbferry-sync-reader").daemon().factory());
        Future<Long> read = reader.submit(() -> {
            try {
                return rows.batches(source, where, description, BATCH_BYTES, batch -> put(queue, batch));
            } finally {
                // Also after a failure, which the upserts then learn from the future; a reader stopped by the
                // upserts' own failure has nobody waiting for the end.
                if (!Thread.currentThread().isInterrupted()) {
                    put(queue, END);
                }
            }
        });
        Counts counts;
        try {
            counts = upsertAll(target, queue, read, description);
        } catch (Throwable e) {
            stopReader(read, reader).ifPresent(e::addSuppressed);
            readerFailure(read).filter(f -> f != e).ifPresent(e::addSuppressed);
            throw e;
        }
        stopReader(read, reader).ifPresent(failure -> {
            throw failure;
        });
        return counts;
    }

    private Counts upsertAll(Connection target, BlockingQueue<CopyData> queue, Future<Long> read, String description) {
        String copySql = CopyStatement.sql(StagedUpsert.staged(table), CopyFormat.BINARY);
        String upsertSql = StagedUpsert.upsert(table);
        String emptySql = StagedUpsert.empty();
        long upserted = 0;
        for (CopyData batch = next(queue); batch != END; batch = next(queue)) {
            copy(target, copySql, batch, description);
            upserted += execute(target, upsertSql, description);
            execute(target, emptySql, description);
        }
        return new Counts(outcome(read), upserted);
    }

    /**
     * Stops the reader thread (it is done already unless the upserts failed) and waits up to a minute for it to
     * end, so that the caller may use the source connection again.
     *
     * @return empty once it ended; else the error saying it did not (it keeps the source connection)
     */
    private static Optional<DbferryException> stopReader(Future<Long> read, ExecutorService reader) {
        read.cancel(true);
        reader.shutdownNow();
        boolean interrupted = Thread.interrupted(); // an interrupted caller still waits, then keeps its flag
        try {
            if (reader.awaitTermination(1, TimeUnit.MINUTES)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.of(new DbferryException(ErrorCode.LOAD_FAILED, "the thread reading the source did not stop "
                + "within a minute of being told to; it may still hold the source connection"));
    }

    /** What the reader failed with, when it failed by itself (not by being stopped). */
    private static Optional<Throwable> readerFailure(Future<Long> read) {
        return read.state() == Future.State.FAILED ? Optional.of(read.exceptionNow()) : Optional.empty();
    }

    /** The next batch, or {@link #END} once the reader is done (also when it failed: {@link #outcome} says how). */
    private static CopyData next(BlockingQueue<CopyData> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbferryException(ErrorCode.LOAD_FAILED, "interrupted while syncing; nothing was committed", e);
        }
    }

    /** The reader's row count, or the exception it failed with. */
    private static long outcome(Future<Long> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new DbferryException(ErrorCode.LOAD_FAILED, "reading the source failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbferryException(ErrorCode.LOAD_FAILED, "interrupted while syncing; nothing was committed", e);
        }
    }

    /** Queues a batch; a cancelled reader (the upserts failed) stops here. */
    private static void put(BlockingQueue<CopyData> queue, CopyData batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the upserts stopped");
        }
    }

    private void copy(Connection target, String copySql, CopyData batch, String description) {
        try {
            CopyIn copyIn = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            try {
                copyIn.writeToCopy(batch.bytes(), 0, batch.length());
                copyIn.endCopy();
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw rows.copyFailed(description, e);
        }
    }

    private long execute(Connection target, String sql, String description) {
        try (Statement statement = target.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed upserting the rows of "
                    + table.source().id().name() + " (" + description + ") into " + table.target() + ": "
                    + e.getMessage(), e);
        }
    }
}
