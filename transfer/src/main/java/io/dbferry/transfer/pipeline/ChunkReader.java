package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.write.CopyEncoder;
import io.dbferry.transfer.write.CopyFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import io.dbferry.transfer.reject.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * One reader worker: opens its own read-only SQLite connection, then takes chunks from the dispatcher
 * until none are left. For each chunk it hands a {@link ChunkStream} to the writers first — so writers
 * take chunks in the order readers start them, and a reader waiting on a full stream always has a writer
 * coming — then reads, converts and encodes the rows into batches of about
 * {@link CopyEncoder#BATCH_BYTES} bytes. Rejected rows are left out of the data and handed to the writer with
 * the chunk, which writes them to the reject file with the chunk's transaction. Runs on one thread.
 */
final class ChunkReader implements Runnable {

    private final Path source;
    private final ChunkDispatcher dispatcher;
    private final BlockingQueue<ChunkStream> handoff;
    private final CopyFormat format;
    private final MigrationMetrics metrics;
    private final MigrationOptions options;

    ChunkReader(Path source, ChunkDispatcher dispatcher, BlockingQueue<ChunkStream> handoff, MigrationOptions options,
            MigrationMetrics metrics) {
        this.options = options;
        this.source = source;
        this.dispatcher = dispatcher;
        this.handoff = handoff;
        this.format = options.copyFormat();
        this.metrics = metrics;
    }

    /**
     * Reads chunks until none are left.
     *
     * @throws DbferryException with {@code VALUE_REJECTED} for a rejected value, {@code LOAD_FAILED} when
     *     SQLite fails or a value cannot be encoded, naming the chunk
     * @throws FirstFailure.Cancelled when interrupted by a cancellation (the interrupt flag is restored)
     */
    @Override
    public void run() {
        try (Connection connection = SqliteSource.openReadOnly(source)) {
            SqliteTableReader reader = new SqliteTableReader(connection);
            for (ChunkDispatcher.Work work = dispatcher.next(); work != null; work = dispatcher.next()) {
                read(reader, work);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed closing a source connection: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirstFailure.Cancelled();
        }
    }

    private void read(SqliteTableReader reader, ChunkDispatcher.Work work) throws InterruptedException {
        MappedTable table = work.table().table();
        ChunkStream stream = new ChunkStream(work.table(), work.chunk(), metrics.queueDepth());
        handoff.put(stream);
        work.table().chunkStarted();
        CopyEncoder encoder = CopyEncoder.of(format, table.columns().stream().map(MappedColumn::targetType).toList());
        RowConverter converter = new RowConverter(table, options.textPolicy(), options.onError());
        List<Reject> rejects = new ArrayList<>();
        encoder.begin();
        long rows;
        try {
            rows = reader.read(table, work.chunk().bounds(), values -> {
                Object[] row = converter.convert(values);
                if (row == null) {
                    rejects.add(converter.reject());
                    metrics.rejected(table.target());
                    return;
                }
                encoder.appendRow(row);
                if (encoder.length() >= CopyEncoder.BATCH_BYTES) {
                    put(stream, encoder);
                }
            });
        } catch (DbferryException e) {
            if (e.code() == ErrorCode.VALUE_REJECTED) {
                metrics.rejected(table.target());
            }
            throw e;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "cannot encode a value of " + work.chunk().describe()
                    + " for COPY: " + e.getMessage(), e);
        }
        encoder.end();
        stream.put(encoder.take());
        stream.finish(rows, rejects, converter.textChanged());
        metrics.chunkRead(table.target(), rows);
    }

    /** Hands a batch to the writer from inside the row callback, which cannot throw checked exceptions. */
    private static void put(ChunkStream stream, CopyEncoder encoder) {
        try {
            stream.put(encoder.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirstFailure.Cancelled();
        }
    }
}
