package io.dbferry.transfer.pipeline;

import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Sends the rows of a chunk {@link ChunkRedo} writes again in pieces, each in a savepoint and followed by
 * {@code SET CONSTRAINTS ALL IMMEDIATE}, and narrows a piece PostgreSQL refuses down to its refused rows: by the
 * COPY line the server's error names, else by halving (the rules are on {@link ChunkRedo}). Rows are told apart
 * by their index among the rows sent. Not thread-safe: one per redo, on its writer's thread.
 */
final class ChunkPieces {

    private static final Pattern LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    /**
     * The rows of a chunk that go to COPY, encoded as one COPY stream would hold them (a batch of
     * {@link CopyEncoder#BATCH_BYTES} holds many rows, so memory stays near the chunk's COPY size), with where
     * each row's bytes are and its position among the rows the chunk's query returns; and the transforms'
     * rejects.
     */
    record Rows(CopyData header, CopyData trailer, List<CopyData> batches, int[] batch, int[] start,
            int[] end, int[] position, List<Reject> rejects) {
        int size() {
            return batch.length;
        }
    }

    /** A row PostgreSQL refused: its index among the rows sent, the column it named, and the server's error. */
    record Refusal(int row, String targetColumn, SQLException failure) {}

    private final Connection connection;
    private final CopyManager copy;
    private final String copySql;
    private final Rows rows;
    private final boolean rejectsRefusedRows;
    private final List<Refusal> refused = new ArrayList<>();
    private long written;
    private long bytes;
    private int sent;

    /**
     * @param copySql the COPY statement of the chunk's table and format
     * @param rows the chunk's rows, encoded
     * @param rejectsRefusedRows whether a refused row is set aside ({@code --on-error reject}); else the first
     *     refusal fails the chunk
     */
    ChunkPieces(Connection connection, CopyManager copy, String copySql, Rows rows, boolean rejectsRefusedRows) {
        this.connection = connection;
        this.copy = copy;
        this.copySql = copySql;
        this.rows = rows;
        this.rejectsRefusedRows = rejectsRefusedRows;
    }

    Rows rows() {
        return rows;
    }

    /** The rows written so far. */
    long written() {
        return written;
    }

    /** The COPY bytes sent so far, refused pieces included. */
    long bytes() {
        return bytes;
    }

    /** The refused rows found so far, in the order found. */
    List<Refusal> refused() {
        return refused;
    }

    /** Sends rows {@code [from, to)} in a savepoint; a refusal rolls back to it and narrows it down. */
    void send(int from, int to) throws SQLException {
        if (from >= to) {
            return;
        }
        if (++sent > ChunkRedo.MAX_PIECES) {
            throw new SQLException("PostgreSQL refused pieces of the chunk " + ChunkRedo.MAX_PIECES + " times; the "
                    + "rows are not the cause (e.g. a trigger that refuses every COPY)");
        }
        Savepoint savepoint = connection.setSavepoint();
        long piece;
        try {
            piece = copy(from, to);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET CONSTRAINTS ALL IMMEDIATE");
            }
        } catch (SQLException e) {
            if (!rejectsRefusedRows || !ChunkRedo.isRefusal(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            refused(from, to, e);
            return;
        }
        connection.releaseSavepoint(savepoint);
        written += piece;
    }

    /** Rows {@code [from, to)} were refused together: finds the refused row by its line, or by halving. */
    void refused(int from, int to, SQLException refusal) throws SQLException {
        if (!rejectsRefusedRows || !ChunkRedo.isRefusal(refusal)) {
            throw refusal;
        }
        Matcher line = line(refusal);
        int index = line == null ? -1 : from + Integer.parseInt(line.group(1)) - 1;
        if (index >= from && index < to) {
            reject(index, line.group(2), refusal);
            send(from, index);
            send(index + 1, to);
        } else if (to - from == 1) {
            reject(from, null, refusal);
        } else {
            int middle = (from + to) >>> 1;
            send(from, middle);
            send(middle, to);
        }
    }

    private void reject(int index, String targetColumn, SQLException refusal) throws SQLException {
        if (refused.size() >= ChunkRedo.MAX_REFUSED) {
            throw refusal;
        }
        refused.add(new Refusal(index, targetColumn, refusal));
    }

    /** Sends rows {@code [from, to)}: the stream's header, their bytes batch by batch, the trailer. */
    private long copy(int from, int to) throws SQLException {
        CopyIn copyIn = copy.copyIn(copySql);
        try {
            write(copyIn, rows.header().bytes(), 0, rows.header().length());
            for (int first = from; first < to; ) {
                int last = first;
                while (last + 1 < to && rows.batch()[last + 1] == rows.batch()[first]) {
                    last++;
                }
                write(copyIn, rows.batches().get(rows.batch()[first]).bytes(), rows.start()[first],
                        rows.end()[last] - rows.start()[first]);
                first = last + 1;
            }
            write(copyIn, rows.trailer().bytes(), 0, rows.trailer().length());
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    private void write(CopyIn copyIn, byte[] data, int offset, int length) throws SQLException {
        if (length > 0) {
            copyIn.writeToCopy(data, offset, length);
            bytes += length;
        }
    }

    /** The {@code COPY table, line N, column c} of the server's error context, null when it names none. */
    private static Matcher line(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getWhere() == null) {
            return null;
        }
        Matcher matcher = LINE.matcher(server.getWhere());
        return matcher.find() ? matcher : null;
    }
}
