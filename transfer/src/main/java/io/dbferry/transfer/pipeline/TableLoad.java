package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.read.Chunk;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of one table, spread over its chunks: counts rows and finished chunks as readers and writers
 * report them, from any thread. Thread-safe.
 */
final class TableLoad {

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final MappedTable table;
    private final List<Chunk> chunks;
    private final boolean keysAfterLoad;
    private final long estimatedRows;
    private final AtomicLong started = new AtomicLong(NOT_STARTED);
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final AtomicLong textChanged = new AtomicLong();
    private final java.nio.file.Path rejectFile;
    private final AtomicInteger chunksLoaded = new AtomicInteger();
    private volatile long finished = NOT_STARTED;

    /**
     * Creates the load of a table.
     *
     * @param table the mapped table, never null
     * @param chunks its chunks in key order still to load, never null; empty for a table a resumed run
     *     had loaded already
     * @param keysAfterLoad whether its keys and indexes are built once it is loaded (tables dbferry created)
     * @param rejectFile where its rejects go, never null
     */
    TableLoad(MappedTable table, List<Chunk> chunks, boolean keysAfterLoad, java.nio.file.Path rejectFile) {
        this.rejectFile = rejectFile;
        this.table = table;
        this.chunks = List.copyOf(chunks);
        this.keysAfterLoad = keysAfterLoad;
        this.estimatedRows = chunks.stream().mapToLong(Chunk::estimatedRows).sum();
    }

    MappedTable table() {
        return table;
    }

    List<Chunk> chunks() {
        return chunks;
    }

    boolean keysAfterLoad() {
        return keysAfterLoad;
    }

    int chunksLoaded() {
        return chunksLoaded.get();
    }

    long rowsRejected() {
        return rowsRejected.get();
    }

    long rowsWritten() {
        return rowsWritten.get();
    }

    /**
     * Counts the chunks an earlier run of a resumed migration checkpointed; call before loading.
     *
     * @param done their counts, never null
     */
    void resumedFrom(java.util.Collection<RunState.Checkpoint> done) {
        for (RunState.Checkpoint c : done) {
            rowsRead.addAndGet(c.rowsRead());
            rowsWritten.addAndGet(c.rowsWritten());
            rowsRejected.addAndGet(c.rowsRejected());
        }
    }

    /** Notes that a reader started one of its chunks; the first one starts the table's clock. */
    void chunkStarted() {
        started.compareAndSet(NOT_STARTED, System.nanoTime());
    }

    /**
     * Counts a committed chunk: rows read, written, rejected, and values the text policy changed.
     *
     * @return true when it was the table's last chunk
     */
    boolean chunkLoaded(long read, long written, long rejected, long changed) {
        rowsRead.addAndGet(read);
        rowsWritten.addAndGet(written);
        rowsRejected.addAndGet(rejected);
        textChanged.addAndGet(changed);
        boolean last = chunksLoaded.incrementAndGet() == chunks.size();
        if (last) {
            finished = System.nanoTime();
        }
        return last;
    }

    /** The progress event after a chunk was committed. */
    MigrationEvent.ChunkLoaded progress() {
        return new MigrationEvent.ChunkLoaded(table.target(), rowsWritten.get(), estimatedRows,
                chunksLoaded.get(), chunks.size(), millis(System.nanoTime()));
    }

    /** What loading the table did; call once it is loaded. */
    TableResult result() {
        return new TableResult(table.source().id(), table.target(), rowsRead.get(), rowsWritten.get(),
                rowsRejected.get(), rowsRejected.get() == 0 ? null : rejectFile, textChanged.get(), millis(finished));
    }

    private long millis(long now) {
        long start = started.get();
        return start == NOT_STARTED ? 0 : (now - start) / 1_000_000;
    }
}
