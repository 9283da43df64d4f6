package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyFormat;
import io.dbferry.transfer.write.CopyStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.reject.RejectFiles;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One writer worker: borrows one target connection for its whole life, then takes chunk streams until
 * told there are no more, streaming each chunk through pgjdbc's {@code CopyManager.copyIn} in one
 * transaction, checkpointing it in the same transaction, and committing it; the chunk's rejects are
 * appended to their reject file just before the commit. A row PostgreSQL refuses is rejected and the chunk
 * redone without it ({@link ChunkRedo}) when the migration rejects rather than stops. A failure or a cancellation cancels the COPY and rolls the chunk's
 * transaction back before the worker ends. Runs on one thread.
 */
final class ChunkWriter implements Runnable {

    /** Receives each committed chunk, on the writer's thread. */
    @FunctionalInterface
    interface ChunkCommitted {
        void committed(ChunkStream stream, long rowsWritten, long bytes, long rowsRejected);
    }

    /** Records a chunk as finished in the writer's open transaction, just before its commit. */
    @FunctionalInterface
    interface ChunkCheckpoint {
        void record(Connection connection, ChunkStream stream, long rowsWritten, long rowsRejected) throws SQLException;
    }

    private final DataSource target;
    private final ChunkCheckpoint checkpoint;
    private final ChunkRedo redo;
    private Connection connection;

    /** Waits before the retries of a chunk after a transient failure, in milliseconds. */
    private static final long[] RETRY_MILLIS = {500, 1_000, 2_000};
    private final BlockingQueue<ChunkStream> handoff;
    private final CopyFormat format;
    private final ChunkCommitted onCommit;
    private final RejectFiles rejectFiles;

    ChunkWriter(DataSource target, BlockingQueue<ChunkStream> handoff, CopyFormat format, RejectFiles rejectFiles,
            ChunkCheckpoint checkpoint, ChunkRedo redo, ChunkCommitted onCommit) {
        this.redo = redo;
        this.checkpoint = checkpoint;
        this.rejectFiles = rejectFiles;
        this.target = target;
        this.handoff = handoff;
        this.format = format;
        this.onCommit = onCommit;
    }

    /**
     * Writes chunks until {@link ChunkStream#NO_MORE}.
     *
     * @throws DbferryException with {@code LOAD_FAILED} naming the chunk, the table and the server's
     *     message; {@code CONNECTION_FAILED} when no target connection can be had
     * @throws FirstFailure.Cancelled when interrupted by a cancellation (the interrupt flag is restored)
     */
    @Override
    public void run() {
        try {
            connection = open();
            for (ChunkStream stream = handoff.take(); stream != ChunkStream.NO_MORE; stream = handoff.take()) {
                write(connection, copy(connection), stream);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "cannot use a target connection for "
                    + "loading: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirstFailure.Cancelled();
        } finally {
            close(connection);
        }
    }

    private Connection open() throws SQLException {
        Connection opened = target.getConnection();
        opened.setAutoCommit(false);
        return opened;
    }

    private static CopyManager copy(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // a connection that failed is closed already; PostgreSQL rolls back whatever it had open
        }
    }

    /**
     * Whether a failure is worth retrying on a new connection: a lost or refused connection (SQLSTATE class
     * 08), a serialization failure (40001) or an administrator's or crash shutdown (57P01, 57P02, 57P03).
     */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("40001") || state.startsWith("57P0"));
    }

    /**
     * Writes the chunk again on a new connection after a transient failure, waiting 0.5, 1 and 2 s before the
     * attempts; the chunk is re-read from the source.
     *
     * @throws DbferryException with {@code LOAD_FAILED} naming the chunk when every attempt failed
     */
    private void retry(ChunkStream stream, SQLException cause) throws InterruptedException {
        SQLException last = cause;
        for (long delay : RETRY_MILLIS) {
            Thread.sleep(delay);
            try {
                close(connection);
                connection = open();
                ChunkRedo.Outcome outcome = redo.resend(connection, copy(connection), stream);
                commit(connection, stream, outcome.written(), outcome.bytes(), outcome.rejects());
                return;
            } catch (SQLException e) {
                last = e;
                if (!isTransient(e)) {
                    break;
                }
            }
        }
        throw new DbferryException(ErrorCode.LOAD_FAILED, "failed writing " + stream.chunk().describe() + " to "
                + stream.table().table().target() + " on the target, also when retried: " + last.getMessage()
                + "; the chunk is not checkpointed: once the target is reachable, run the same command with --resume",
                last);
    }

    private void write(Connection connection, CopyManager copy, ChunkStream stream) throws InterruptedException {
        // the parameter is the writer's connection until a retry replaces it
        CopyIn copyIn = null;
        boolean allTaken = false;
        try {
            copyIn = copy.copyIn(CopyStatement.sql(stream.table().table(), format));
            long bytes = 0;
            for (CopyData batch = stream.take(); batch != null; batch = stream.take()) {
                copyIn.writeToCopy(batch.bytes(), 0, batch.length());
                bytes += batch.length();
            }
            allTaken = true;
            commit(connection, stream, copyIn.endCopy(), bytes, stream.rejects());
        } catch (SQLException e) {
            SQLException cause = e;
            if (isTransient(e)) {
                abort(connection, copyIn, e);
                if (!allTaken) {
                    drain(stream);
                }
                retry(stream, e);
                return;
            }
            if (redo.rejectsRefusedRows() && ChunkRedo.isRowRefusal(e)) {
                try {
                    cancel(copyIn);
                    if (!allTaken) {
                        drain(stream);
                    }
                    ChunkRedo.Outcome outcome = redo.write(connection, copy, stream, e);
                    commit(connection, stream, outcome.written(), outcome.bytes(), outcome.rejects());
                    return;
                } catch (SQLException again) {
                    cause = again;
                }
            }
            DbferryException failure = new DbferryException(ErrorCode.LOAD_FAILED, "failed writing "
                    + stream.chunk().describe() + " to " + stream.table().table().target() + " on the target: "
                    + cause.getMessage(), cause);
            abort(connection, copyIn, failure);
            throw failure;
        } catch (InterruptedException | RuntimeException e) {
            abort(connection, copyIn, e);
            throw e;
        }
    }

    /** Checkpoints the chunk, writes its rejects and commits. */
    private void commit(Connection connection, ChunkStream stream, long written, long bytes, List<Reject> rejects)
            throws SQLException {
        checkpoint.record(connection, stream, written, rejects.size());
        // Before the commit: a crash in between may repeat these lines on a re-run, but never lose them.
        rejectFiles.write(rejects);
        connection.commit();
        onCommit.committed(stream, written, bytes, rejects.size());
    }

    /** Lets the reader finish the chunk, so that its row count is known and it is not left waiting. */
    private static void drain(ChunkStream stream) throws InterruptedException {
        while (stream.take() != null) {
            // the redo reads the chunk again
        }
    }

    private static void cancel(CopyIn copyIn) throws SQLException {
        if (copyIn != null && copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }

    /** Cancels the COPY and rolls back; a failure to do so means the connection is gone, which rolls back too. */
    private static void abort(Connection connection, CopyIn copyIn, Exception failure) {
        try {
            if (copyIn != null && copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
