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
 * transaction, checkpointing it — with its rejects — in the same transaction, and committing it; the chunk's
 * rejects are appended to their reject file once the commit succeeded, so a chunk's reject lines are written
 * once however often it is tried. A row PostgreSQL refuses is rejected and the chunk redone without it
 * ({@link ChunkRedo}) when the migration rejects rather than stops. A transient failure retries the chunk on a
 * new connection; a commit whose outcome the lost connection hid is looked up by its checkpoint first. A
 * failure or a cancellation cancels the COPY and rolls the chunk's transaction back before the worker ends.
 * Runs on one thread.
 */
final class ChunkWriter implements Runnable {

    /** Receives each committed chunk, on the writer's thread. */
    @FunctionalInterface
    interface ChunkCommitted {
        void committed(ChunkStream stream, long rowsWritten, long bytes, long rowsRejected);
    }

    /** Records chunks as finished in the target, in the writer's open transaction, just before its commit. */
    interface ChunkCheckpoint {

        /** Records the chunk with its counts and its rejects in the connection's open transaction. */
        void record(Connection connection, ChunkStream stream, long rowsWritten, List<Reject> rejects)
                throws SQLException;

        /** Whether the chunk is recorded as committed. */
        boolean recorded(Connection connection, ChunkStream stream) throws SQLException;
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
    /** The outcome of the commit in progress, until it is known to have succeeded or failed. */
    private ChunkRedo.Outcome committing;

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
     * attempts; the chunk is re-read from the source. When the failure hid whether the last commit went
     * through, the chunk's checkpoint tells, and a committed chunk is not written again.
     *
     * @throws DbferryException with {@code LOAD_FAILED} naming the chunk when every attempt failed
     */
    private void retry(ChunkStream stream, SQLException cause) throws InterruptedException {
        ChunkRedo.Outcome inDoubt = committing;
        committing = null;
        SQLException last = cause;
        for (long delay : RETRY_MILLIS) {
            Thread.sleep(delay);
            try {
                close(connection);
                connection = open();
                if (inDoubt != null) {
                    boolean done = checkpoint.recorded(connection, stream);
                    connection.rollback();
                    if (done) {
                        committed(stream, inDoubt);
                        return;
                    }
                    inDoubt = null;
                }
                commit(connection, stream, redo.write(connection, copy(connection), stream, null));
                return;
            } catch (SQLException e) {
                last = e;
                if (committing != null) {
                    inDoubt = committing;
                    committing = null;
                }
                rollback(connection, e);
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
        SQLException failure;
        try {
            copyIn = copy.copyIn(CopyStatement.sql(stream.table().table(), format));
            long bytes = 0;
            for (CopyData batch = stream.take(); batch != null; batch = stream.take()) {
                copyIn.writeToCopy(batch.bytes(), 0, batch.length());
                bytes += batch.length();
            }
            allTaken = true;
            commit(connection, stream, new ChunkRedo.Outcome(copyIn.endCopy(), bytes, stream.rejects()));
            return;
        } catch (SQLException e) {
            failure = e;
            abort(connection, copyIn, e);
            if (!allTaken) {
                drain(stream);
            }
        } catch (InterruptedException | RuntimeException e) {
            abort(connection, copyIn, e);
            throw e;
        }
        recover(connection, stream, failure);
    }

    /**
     * After the chunk's COPY or commit failed and was rolled back: redoes it without the rows PostgreSQL
     * refused, retries it after a transient failure, or fails naming it.
     */
    private void recover(Connection connection, ChunkStream stream, SQLException failure)
            throws InterruptedException {
        SQLException cause = failure;
        if (!isTransient(failure) && redo.rejectsRefusedRows() && ChunkRedo.isRefusal(failure)) {
            try {
                committing = null;
                commit(connection, stream, redo.write(connection, copy(connection), stream, failure));
                return;
            } catch (SQLException again) {
                rollback(connection, again);
                cause = again;
            } catch (RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
        if (isTransient(cause)) {
            retry(stream, cause);
            return;
        }
        throw new DbferryException(ErrorCode.LOAD_FAILED, "failed writing " + stream.chunk().describe() + " to "
                + stream.table().table().target() + " on the target: " + cause.getMessage()
                + "; the chunk's transaction was rolled back.", cause);
    }

    /**
     * Checkpoints the chunk with its rejects and commits, then appends the rejects to their file: after the
     * commit, so that a chunk tried again never writes them twice. A crash between the commit and the file
     * leaves them in the target's checkpoint, from which {@code --resume} writes the reject files again.
     */
    private void commit(Connection connection, ChunkStream stream, ChunkRedo.Outcome outcome) throws SQLException {
        checkpoint.record(connection, stream, outcome.written(), outcome.rejects());
        committing = outcome;
        connection.commit();
        committed(stream, outcome);
    }

    private void committed(ChunkStream stream, ChunkRedo.Outcome outcome) {
        committing = null;
        rejectFiles.write(outcome.rejects());
        onCommit.committed(stream, outcome.written(), outcome.bytes(), outcome.rejects().size());
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Lets the reader finish the chunk, so that its row count is known and it is not left waiting. */
    private static void drain(ChunkStream stream) throws InterruptedException {
        while (stream.take() != null) {
            // the redo reads the chunk again
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
