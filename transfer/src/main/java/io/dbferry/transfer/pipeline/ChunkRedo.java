package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.read.InvalidUtf8Text;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.transform.RejectReason;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyEncoder;
import io.dbferry.transfer.write.CopyStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Writes a chunk whose COPY PostgreSQL refused because of one row: finds the row by the line number in the
 * server's error context ({@code COPY child, line 7, column flag: …}, PostgreSQL docs, COPY: "the line
 * number"; binary COPY counts one line a row), makes it a {@link RejectReason#REFUSED_BY_TARGET} reject, and
 * re-reads and re-sends the chunk without it, until the COPY succeeds or {@value #MAX_REFUSED} rows were
 * refused. The chunk is held in memory while redone (at most {@code --batch-rows} rows), which only a chunk
 * with a refused row costs. An error without a line number is not a row's and is thrown unchanged. Runs on
 * its writer's thread.
 */
final class ChunkRedo {

    /** Rows of one chunk PostgreSQL may refuse before the chunk fails. */
    static final int MAX_REFUSED = 1_000;

    private static final Pattern LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private final Path source;
    private final MigrationOptions options;

    ChunkRedo(Path source, MigrationOptions options) {
        this.source = source;
        this.options = options;
    }

    /** Whether rows PostgreSQL refuses are rejected ({@code --on-error reject}) rather than failing the chunk. */
    boolean rejectsRefusedRows() {
        return options.onError() == OnError.REJECT;
    }

    /**
     * Re-reads and sends the whole chunk, on a new connection after a transient failure.
     *
     * @return the outcome; the caller checkpoints, writes the rejects and commits
     * @throws SQLException when the COPY fails again (a row refusal is handled as by {@link #write})
     */
    Outcome resend(Connection connection, CopyManager copy, ChunkStream stream) throws SQLException {
        Attempt attempt = read(stream.table().table(), stream, new HashSet<>());
        try {
            long bytes = attempt.batches().stream().mapToLong(CopyData::length).sum();
            return new Outcome(send(copy, stream.table().table(), attempt.batches()), bytes, attempt.rejects());
        } catch (SQLException e) {
            if (rejectsRefusedRows() && isRowRefusal(e)) {
                return write(connection, copy, stream, e);
            }
            throw e;
        }
    }

    /** What the redo wrote: rows written and every reject of the chunk, the transforms' ones included. */
    record Outcome(long written, long bytes, List<Reject> rejects) {}

    /**
     * One reading of the chunk without the refused rows: its COPY data and, per COPY line, the source row and
     * its position among the rows the chunk's query returns.
     */
    private record Attempt(List<CopyData> batches, List<Object[]> lines, List<Integer> positions,
            List<Reject> rejects) {}

    /**
     * Whether an error is PostgreSQL refusing one row of a COPY.
     *
     * @return true for a data exception or integrity violation (SQLSTATE classes 22 and 23) with a line number
     */
    static boolean isRowRefusal(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23")) && line(e) != null;
    }

    /**
     * Redoes the chunk in the connection's transaction, which the caller has rolled back.
     *
     * @param refusal the COPY's failure, a {@link #isRowRefusal row refusal}
     * @return the outcome; the caller checkpoints, writes the rejects and commits
     * @throws SQLException when the COPY fails otherwise, or more than {@value #MAX_REFUSED} rows are refused
     */
    Outcome write(Connection connection, CopyManager copy, ChunkStream stream, SQLException refusal)
            throws SQLException {
        MappedTable table = stream.table().table();
        List<Reject> refused = new ArrayList<>();
        Set<Integer> skipped = new HashSet<>();
        Attempt attempt = read(table, stream, skipped);
        SQLException failure = refusal;
        while (true) {
            Matcher line = line(failure);
            int index = line == null ? -1 : Integer.parseInt(line.group(1)) - 1;
            if (index < 0 || index >= attempt.lines().size() || refused.size() >= MAX_REFUSED) {
                throw failure;
            }
            Object[] row = attempt.lines().get(index);
            skipped.add(attempt.positions().get(index));
            refused.add(refusedReject(table, row, line.group(2), failure));
            connection.rollback();
            attempt = read(table, stream, skipped);
            try {
                long bytes = attempt.batches().stream().mapToLong(CopyData::length).sum();
                long written = send(copy, table, attempt.batches());
                List<Reject> all = new ArrayList<>(attempt.rejects());
                all.addAll(refused);
                return new Outcome(written, bytes, all);
            } catch (SQLException e) {
                if (!isRowRefusal(e)) {
                    throw e;
                }
                failure = e;
            }
        }
    }

    private long send(CopyManager copy, MappedTable table, List<CopyData> batches) throws SQLException {
        CopyIn copyIn = copy.copyIn(CopyStatement.sql(table, options.copyFormat()));
        try {
            for (CopyData batch : batches) {
                copyIn.writeToCopy(batch.bytes(), 0, batch.length());
            }
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /**
     * Reads and encodes the chunk, leaving out the rows at the positions in {@code skipped}. Rows are told apart
     * by position, not by value or key: a table without a primary key may hold identical rows, and only the
     * refused one may go. The source is read-only and unchanged during the run, so the chunk's query returns
     * the same rows in the same order each time.
     */
    private Attempt read(MappedTable table, ChunkStream stream, Set<Integer> skipped) throws SQLException {
        RowConverter converter = new RowConverter(table, options.textPolicy(), options.onError());
        CopyEncoder encoder = CopyEncoder.of(options.copyFormat(),
                table.columns().stream().map(MappedColumn::targetType).toList());
        List<CopyData> batches = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        int[] position = {-1};
        encoder.begin();
        try (Connection connection = SqliteSource.openReadOnly(source)) {
            new SqliteTableReader(connection).read(table, stream.chunk().bounds(), values -> {
                position[0]++;
                if (skipped.contains(position[0])) {
                    return;
                }
                Object[] row = converter.convert(values);
                if (row == null) {
                    rejects.add(converter.reject());
                    return;
                }
                encoder.appendRow(row);
                lines.add(values.clone());
                positions.add(position[0]);
                if (encoder.length() >= CopyEncoder.BATCH_BYTES) {
                    batches.add(encoder.take());
                }
            });
        }
        encoder.end();
        batches.add(encoder.take());
        return new Attempt(batches, lines, positions, rejects);
    }

    private static Reject refusedReject(MappedTable table, Object[] row, String targetColumn, SQLException failure) {
        RowConverter converter = new RowConverter(table, io.dbferry.transfer.reject.TextPolicy.REJECT,
                io.dbferry.transfer.reject.OnError.REJECT);
        String column = null;
        Object value = null;
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).targetName().equals(targetColumn)) {
                column = table.columns().get(i).source().name();
                value = row[i] instanceof InvalidUtf8Text invalid ? invalid.bytes() : row[i];
            }
        }
        return new Reject(table.source().id().name(), converter.keyValues(row), column, value,
                RejectReason.REFUSED_BY_TARGET, "PostgreSQL refused the row: " + serverMessage(failure));
    }

    private static String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return e.getMessage();
        }
        return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")")
                + " [SQLSTATE " + server.getSQLState() + "]";
    }

    private static Matcher line(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getWhere() == null) {
            return null;
        }
        Matcher matcher = LINE.matcher(server.getWhere());
        return matcher.find() ? matcher : null;
    }
}
