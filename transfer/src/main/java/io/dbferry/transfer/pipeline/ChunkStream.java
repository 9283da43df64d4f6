package io.dbferry.transfer.pipeline;

import io.dbferry.transfer.read.Chunk;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.reject.Reject;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoded COPY data of one chunk on its way from its reader to its writer: a bounded queue of
 * batches, so a reader that gets ahead waits instead of filling the heap. Memory in flight per chunk is at
 * most {@value #CAPACITY} batches of about {@link io.dbferry.transfer.write.CopyEncoder#BATCH_BYTES} bytes.
 * One reader thread puts, one writer thread takes; thread-safe for that.
 */
final class ChunkStream {

    /** Batches a reader may be ahead of its writer. */
    static final int CAPACITY = 4;

    /** Tells a writer that no more chunks will come. */
    static final ChunkStream NO_MORE = new ChunkStream(null, null, new AtomicInteger());

    private static final CopyData END = new CopyData(new byte[0], 0);

    private final TableLoad table;
    private final Chunk chunk;
    private final AtomicInteger queueDepth;
    private final BlockingQueue<CopyData> batches = new ArrayBlockingQueue<>(CAPACITY);
    private final long started = System.nanoTime();
    private volatile long rowsRead;
    private volatile long textChanged;
    private volatile List<Reject> rejects = List.of();

    /**
     * Creates the stream of one chunk.
     *
     * @param queueDepth the gauge of batches waiting across all streams, changed as batches come and go
     */
    ChunkStream(TableLoad table, Chunk chunk, AtomicInteger queueDepth) {
        this.table = table;
        this.chunk = chunk;
        this.queueDepth = queueDepth;
    }

    TableLoad table() {
        return table;
    }

    Chunk chunk() {
        return chunk;
    }

    /** When the reader started the chunk, in {@link System#nanoTime()} units. */
    long started() {
        return started;
    }

    /** The rows the reader read; valid once {@link #take()} has returned null. */
    long rowsRead() {
        return rowsRead;
    }

    /** The rows the reader rejected, in read order; valid once {@link #take()} has returned null. */
    List<Reject> rejects() {
        return rejects;
    }

    /** The values the text policy changed; valid once {@link #take()} has returned null. */
    long textChanged() {
        return textChanged;
    }

    /** Adds a batch, waiting while the writer is {@value #CAPACITY} batches behind. */
    void put(CopyData batch) throws InterruptedException {
        batches.put(batch);
        queueDepth.incrementAndGet();
    }

    /**
     * Ends the chunk: every batch has been put.
     *
     * @param rows the rows read, rejected ones included
     * @param rejected the rows rejected, never null
     * @param changed the values the text policy changed
     */
    void finish(long rows, List<Reject> rejected, long changed) throws InterruptedException {
        rowsRead = rows;
        rejects = List.copyOf(rejected);
        textChanged = changed;
        batches.put(END);
    }

    /**
     * The next batch, waiting for the reader.
     *
     * @return the batch, or null when the chunk is complete
     */
    CopyData take() throws InterruptedException {
        CopyData batch = batches.take();
        if (batch == END) {
            return null;
        }
        queueDepth.decrementAndGet();
        return batch;
    }
}
