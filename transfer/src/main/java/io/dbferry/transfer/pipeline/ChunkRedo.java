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
import java.util.List;
import java.util.Set;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Writes a chunk again, in the writer's transaction, after its COPY failed: because PostgreSQL refused a row
 * of it, or on a new connection after a transient failure. The chunk is re-read from the source into memory
 * (at most {@code --batch-rows} rows, which only such a chunk costs) and sent in pieces, each in a savepoint
 * and followed by {@code SET CONSTRAINTS ALL IMMEDIATE}, so that deferred constraints and constraint triggers
 * are checked with the piece (PostgreSQL docs, SET CONSTRAINTS) instead of at the commit.
 *
 * <p>The chunk is held encoded, as its COPY stream; the source values of a refused row are read again for its
 * reject. A piece PostgreSQL refuses (a data exception, an integrity violation, a trigger's error: see
 * {@link #isRefusal}) is rolled back to its savepoint and narrowed down: when the server's error context names
 * the COPY line ({@code COPY child, line 7, column flag: …}; binary COPY counts one line a row), that row is the
 * refused one and the rows around it are sent again; otherwise — an error raised at the end of the COPY, by an
 * AFTER trigger, a foreign key check or a deferred constraint — the piece is split in halves, and each half
 * sent on its own, until the refused row is alone. Each refused row becomes a
 * {@link RejectReason#REFUSED_BY_TARGET} reject with the server's message; the others are written. Rows are
 * told apart by position, never by value or key: a table without a primary key may hold identical rows, and
 * only the refused one may go. At most {@value #MAX_REFUSED} rows of a chunk may be refused. Runs on its
 * writer's thread.
 */
final class ChunkRedo {

    /** Rows of one chunk PostgreSQL may refuse before the chunk fails. */
    static final int MAX_REFUSED = 1_000;

    /** COPY statements one redo may send before the chunk fails: bounds a chunk whose every row is refused. */
    static final int MAX_PIECES = 20 * MAX_REFUSED;

    /**
     * SQLSTATE classes of a row PostgreSQL refuses: data exception (22), integrity constraint violation (23),
     * triggered action exception (09), triggered data change violation (27), WITH CHECK OPTION violation (44)
     * and PL/pgSQL's RAISE EXCEPTION (P0). Not among them: resources (53, e.g. disk full), operator
     * intervention (57), system errors (58, XX) and the like, which fail the chunk whatever its rows.
     */
    private static final Set<String> REFUSAL_CLASSES = Set.of("22", "23", "09", "27", "44", "P0");

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

    /** What the redo wrote: rows written and every reject of the chunk, the transforms' ones included. */
    record Outcome(long written, long bytes, List<Reject> rejects) {}

    /**
     * Whether an error is PostgreSQL refusing a row (or, without a COPY line, a row of the COPY): see
     * {@link #REFUSAL_CLASSES}.
     */
    static boolean isRefusal(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() == 5 && REFUSAL_CLASSES.contains(state.substring(0, 2));
    }

    /**
     * Writes the chunk in the connection's open transaction, which holds nothing of the chunk yet.
     *
     * @param refusal the failure of the whole chunk's COPY (or of its commit), a {@link #isRefusal refusal}; or
     *     null to send the whole chunk first (after a transient failure, on a new connection)
     * @return the outcome; the caller checkpoints and commits
     * @throws SQLException when a piece fails otherwise than by a refusal, when a row is refused and the
     *     migration stops at the first one ({@code --on-error stop}), or more than {@value #MAX_REFUSED} rows
     *     are refused
     */
    Outcome write(Connection connection, CopyManager copy, ChunkStream stream, SQLException refusal)
            throws SQLException {
        ChunkPieces pieces = new ChunkPieces(connection, copy, CopyStatement.sql(stream.table().table(),
                options.copyFormat()), read(stream), rejectsRefusedRows());
        if (refusal == null) {
            pieces.send(0, pieces.rows().size());
        } else {
            pieces.refused(0, pieces.rows().size(), refusal);
        }
        List<Reject> all = new ArrayList<>(pieces.rows().rejects());
        all.addAll(refusedRejects(stream, pieces));
        return new Outcome(pieces.written(), pieces.bytes(), all);
    }

    /**
     * Reads, converts and encodes the chunk. The source is read-only and unchanged during the run, so the
     * chunk's query returns the same rows in the same order each time.
     */
    private ChunkPieces.Rows read(ChunkStream stream) throws SQLException {
        MappedTable table = stream.table().table();
        RowConverter converter = new RowConverter(table, options.textPolicy(), options.onError());
        CopyEncoder encoder = CopyEncoder.of(options.copyFormat(),
                table.columns().stream().map(MappedColumn::targetType).toList());
        encoder.begin();
        CopyData header = encoder.take();
        List<CopyData> batches = new ArrayList<>();
        List<int[]> located = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        int[] position = {-1};
        try (Connection connection = SqliteSource.openReadOnly(source)) {
            new SqliteTableReader(connection).read(table, stream.chunk().bounds(), values -> {
                position[0]++;
                Object[] row = converter.convert(values);
                if (row == null) {
                    rejects.add(converter.reject());
                    return;
                }
                int start = encoder.length();
                encoder.appendRow(row);
                located.add(new int[] {batches.size(), start, encoder.length(), position[0]});
                if (encoder.length() >= CopyEncoder.BATCH_BYTES) {
                    batches.add(encoder.take());
                }
            });
        }
        batches.add(encoder.take());
        encoder.end();
        CopyData trailer = encoder.take();
        int rows = located.size();
        int[] batch = new int[rows];
        int[] start = new int[rows];
        int[] end = new int[rows];
        int[] positions = new int[rows];
        for (int i = 0; i < rows; i++) {
            int[] at = located.get(i);
            batch[i] = at[0];
            start[i] = at[1];
            end[i] = at[2];
            positions[i] = at[3];
        }
        return new ChunkPieces.Rows(header, trailer, batches, batch, start, end, positions, rejects);
    }

    /**
     * The rejects of the rows PostgreSQL refused, with their source values read again: only those rows' values
     * are needed, and only when some were refused.
     */
    private List<Reject> refusedRejects(ChunkStream stream, ChunkPieces pieces) throws SQLException {
        if (pieces.refused().isEmpty()) {
            return List.of();
        }
        MappedTable table = stream.table().table();
        java.util.Map<Integer, Object[]> byPosition = new java.util.HashMap<>();
        for (ChunkPieces.Refusal refusal : pieces.refused()) {
            byPosition.put(pieces.rows().position()[refusal.row()], null);
        }
        int[] position = {-1};
        try (Connection connection = SqliteSource.openReadOnly(source)) {
            new SqliteTableReader(connection).read(table, stream.chunk().bounds(), values -> {
                position[0]++;
                if (byPosition.containsKey(position[0])) {
                    byPosition.put(position[0], values.clone());
                }
            });
        }
        List<Reject> rejects = new ArrayList<>();
        for (ChunkPieces.Refusal refusal : pieces.refused()) {
            rejects.add(refusedReject(table, byPosition.get(pieces.rows().position()[refusal.row()]),
                    refusal.targetColumn(), refusal.failure()));
        }
        return rejects;
    }

    private static Reject refusedReject(MappedTable table, Object[] row, String targetColumn, SQLException failure) {
        String column = null;
        Object value = null;
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).targetName().equals(targetColumn)) {
                column = table.columns().get(i).source().name();
                value = row[i] instanceof InvalidUtf8Text invalid ? invalid.bytes() : row[i];
            }
        }
        return new Reject(table.source().id().name(), RowKey.values(table, row), column, value,
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
}
