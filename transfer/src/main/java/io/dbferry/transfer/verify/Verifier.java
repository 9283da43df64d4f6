package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Proves a move: compares every mapped table of the source with its target table, by row counts or by the
 * content of every row in canonical form (see {@link CanonicalValue}), reading both sides in parallel.
 *
 * <p>In {@link VerifyMode#CHECKSUM} mode a table with a primary key of integer, text or UUID columns is split
 * into chunks of about {@link VerifyOptions#chunkRows()} source rows by key range; each chunk's rows are counted
 * and hashed on both sides, and differing chunks are searched down to the rows ({@link ChunkSearch}). A table
 * without such a key is compared as a multiset: one count and hash over all its rows, which proves equality
 * but cannot say which rows differ. Between SQLite and PostgreSQL, rows are hashed first in their binary COPY
 * form, which neither side needs to decode or format ({@link BinaryDigests}); where those digests differ, canonical
 * text decides. Both sides are only read.
 *
 * <p>Three routes: SQLite → PostgreSQL (the public constructors), PostgreSQL → SQLite ({@link #postgresToSqlite})
 * and PostgreSQL → PostgreSQL ({@link #postgresToPostgres}). The first two compare in PostgreSQL's canonical form:
 * a {@link MappedTable}'s {@code source()} is always the SQLite table and its {@code targetType}s the PostgreSQL
 * types, and a SQLite value is read as its PostgreSQL column's type by the forward transform, which is the same
 * problem both ways. PostgreSQL → PostgreSQL compares PostgreSQL's text output on both sides.
 *
 * <p>In checksum mode, each side's chunks are hashed by {@link VerifyOptions#workers()} workers at once, each
 * through a connection of its own ({@link ChunkDigests}): the connections given, and more opened for the
 * verification and closed after it.
 *
 * <p>Not thread-safe; the connections are owned by the caller and must not be used elsewhere meanwhile.
 */
public final class Verifier {

    /** Chunks per worker that a table's chunks are not merged below. */
    private static final int CHUNKS_PER_WORKER = 4;
    /** The chunk size, in rows, that larger chunks are planned at and merged from. */
    private static final int FINE_CHUNK_ROWS = 10_000;

    private static final String MULTISET = "compared as a multiset (one row count and hash over the whole table): "
            + "no row-level diff is possible";

    private final Connection source;
    private final Connection target;
    private final VerifyRoute route;
    private final VerifyOptions options;
    private final ConnectionOpener moreSource;
    private final ConnectionOpener moreTarget;
    private final int workers;

    /**
     * Prepares a verification with one worker per side, through the given connections only.
     *
     * @param source an open, read-only SQLite connection, never null
     * @param target an open PostgreSQL connection, never null; only read
     * @param options the mode and limits, never null; its workers are not used
     */
    public Verifier(Connection source, Connection target, VerifyOptions options) {
        this(source, target, VerifyRoute.SQLITE_TO_POSTGRES, options, 1, Verifier::noMoreConnections,
                Verifier::noMoreConnections);
    }

    /**
     * Prepares a verification with {@link VerifyOptions#workers()} workers per side.
     *
     * @param source an open, read-only SQLite connection, never null
     * @param target an open PostgreSQL connection, never null; only read
     * @param options the mode, limits and workers, never null
     * @param moreSource opens the source's further connections (workers − 1 of them), read-only; never null
     * @param moreTarget opens the target's further connections (workers − 1 of them); never null
     */
    public Verifier(Connection source, Connection target, VerifyOptions options, ConnectionOpener moreSource,
            ConnectionOpener moreTarget) {
        this(source, target, VerifyRoute.SQLITE_TO_POSTGRES, options, options.workers(), moreSource, moreTarget);
    }

    private Verifier(Connection source, Connection target, VerifyRoute route, VerifyOptions options, int workers,
            ConnectionOpener moreSource, ConnectionOpener moreTarget) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.route = route;
        this.options = Objects.requireNonNull(options, "options");
        this.moreSource = Objects.requireNonNull(moreSource, "moreSource");
        this.moreTarget = Objects.requireNonNull(moreTarget, "moreTarget");
        this.workers = workers;
    }

    private static Connection noMoreConnections() {
        throw new IllegalStateException("a verifier given single connections opens no more");
    }

    /**
     * Prepares a verification of a PostgreSQL source against a PostgreSQL target with the same column types
     * (another database or schema), one worker per side. Values are compared as PostgreSQL's text output, with the
     * same output settings set on both sessions (UTC, ISO dates, exact floats, hex bytea; see
     * {@code PostgresTextRows}); the mapped tables' column types decide only how keys are ranged: an integer type
     * ({@code smallint}, {@code integer}, {@code bigint}) by value, anything else by its text in the {@code "C"}
     * collation.
     *
     * @param source an open PostgreSQL connection to the source, never null; only read
     * @param target an open PostgreSQL connection to the target, never null; only read
     * @param options the mode and limits, never null; its workers are not used
     * @return never null
     */
    public static Verifier postgresToPostgres(Connection source, Connection target, VerifyOptions options) {
        return new Verifier(source, target, VerifyRoute.POSTGRES_TO_POSTGRES, options, 1, Verifier::noMoreConnections,
                Verifier::noMoreConnections);
    }

    /**
     * Prepares the verification of a PostgreSQL → SQLite move, one worker per side. The tables passed to
     * {@link #verify} describe the SQLite table as {@code source()} and the PostgreSQL table as {@code target()},
     * each column's {@code targetType} the PostgreSQL column's type (see
     * {@code io.dbferry.transfer.tosqlite.ReverseMapping}); the report names PostgreSQL as the source and SQLite as
     * the target.
     *
     * @param source an open PostgreSQL connection, never null; only read
     * @param target an open, read-only SQLite connection, never null
     * @param options the mode and limits, never null; its workers are not used
     * @return never null
     */
    public static Verifier postgresToSqlite(Connection source, Connection target, VerifyOptions options) {
        return new Verifier(source, target, VerifyRoute.POSTGRES_TO_SQLITE, options, 1, Verifier::noMoreConnections,
                Verifier::noMoreConnections);
    }

    /**
     * Verifies the tables.
     *
     * @param tables the mapped tables, as {@code migrate} maps them with the same options; never null
     * @param onTable called with each table before it is verified, for progress; never null
     * @return the report, never null; a table the target lacks is reported as different
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when a query fails on either side, naming it;
     *     {@link ErrorCode#SCHEMA_READ_FAILED} when the target's catalog cannot be read
     */
    public VerificationReport verify(List<MappedTable> tables, Consumer<MappedTable> onTable) {
        return verify(tables, onTable, VerifyProgress.NONE);
    }

    /**
     * Verifies the tables, telling how far each keyed table's chunks have got.
     *
     * @param tables the mapped tables, as {@code migrate} maps them with the same options; never null
     * @param onTable called with each table before it is verified, for progress; never null
     * @param progress told after each chunk both sides have hashed (checksum mode); never null
     * @return the report, never null; a table the target lacks is reported as different
     * @throws DbferryException as {@link #verify(List, Consumer)} does
     */
    public VerificationReport verify(List<MappedTable> tables, Consumer<MappedTable> onTable,
            VerifyProgress progress) {
        long started = System.nanoTime();
        List<TableVerification> results = new ArrayList<>();
        int more = options.mode() == VerifyMode.CHECKSUM ? workers - 1 : 0;
        try (BothSides both = new BothSides();
                WorkerConnections sources = WorkerConnections.open(source, moreSource, more, "source");
                WorkerConnections targets = WorkerConnections.open(target, moreTarget, more, "target");
                ChunkDigests digests = new ChunkDigests(sources.all(), targets.all())) {
            for (MappedTable table : tables) {
                onTable.accept(table);
                results.add(verify(both, digests, table, progress));
            }
        }
        return new VerificationReport(options.mode(), results, (System.nanoTime() - started) / 1_000_000);
    }

    private TableVerification verify(BothSides both, ChunkDigests digests, MappedTable table,
            VerifyProgress progress) {
        Optional<KeyColumns> key = options.mode() == VerifyMode.CHECKSUM ? KeyColumns.of(table) : Optional.empty();
        TableRows sourceRows = route.sourceRows(source, table, key.orElse(null));
        if (!route.targetExists(target, table)) {
            return new TableVerification(route.sourceId(table), route.targetId(table), TableVerification.Method.COUNTS,
                    sourceRows.count(), 0, 0, 0, TableVerification.Status.DIFFERENT, List.of(), false,
                    List.of("the target has no table " + route.targetId(table) + "; " + route.missingTableHint()));
        }
        TargetColumnTypes types = options.mode() == VerifyMode.CHECKSUM ? route.targetTypes(target, table)
                : TargetColumnTypes.AS_MAPPED;
        TableRows targetRows = route.targetRows(target, table, key.orElse(null), types);
        if (key.isEmpty()) {
            BothSides.Both<Long, Long> counts = both.run(sourceRows::count, targetRows::count);
            return options.mode() == VerifyMode.COUNTS ? result(table, TableVerification.Method.COUNTS, counts,
                    new ChunkCounts(0, 0), List.of(), false, List.of()) : multiset(both, table, types, counts,
                    table.primaryKey() == null ? "no primary key"
                            : "a primary key with a column type other than integer, text or uuid");
        }
        // PostgresRows does not plan: PostgreSQL → SQLite plans on the SQLite side.
        boolean targetPlans = route == VerifyRoute.POSTGRES_TO_SQLITE;
        KeyPlan plan = plan(targetPlans ? targetRows : sourceRows);
        if (plan.problem() != null) {
            return multiset(both, table, types, both.run(sourceRows::count, targetRows::count), plan.problem());
        }
        boolean binary = route == VerifyRoute.SQLITE_TO_POSTGRES && types.asMapped();
        ChunkSearch search = new ChunkSearch(both, sourceRows, targetRows, key.get(), options, binary);
        List<KeyRange> ranges = plan.chunks();
        List<BothSides.Both<ChunkDigest, ChunkDigest>> rangeDigests = digests.of(ranges,
                c -> route.sourceRows(c, table, key.get()), c -> route.targetRows(c, table, key.get(), types), binary,
                (done, rows) -> progress.chunkDigested(table, done, ranges.size(), rows));
        for (int i = 0; i < ranges.size(); i++) {
            search.compare(ranges.get(i), rangeDigests.get(i));
        }
        // The chunks' digests counted every row but those whose key holds NULL, which belong to no key range;
        // the side that planned has none (the plan checked), the other side counts them (an index search where the
        // key is indexed, instead of PostgreSQL's count(*) of the whole table).
        long sourceNulls = targetPlans ? sourceRows.nullKeyRows() : 0;
        long outside = targetPlans ? 0 : targetRows.nullKeyRows();
        BothSides.Both<Long, Long> counts = new BothSides.Both<>(search.sourceRowsInChunks() + sourceNulls,
                search.targetRowsInChunks() + outside);
        ChunkCounts chunks = new ChunkCounts(search.chunksCompared(), search.chunksDiffering() + (outside > 0 ? 1 : 0));
        List<String> notes = new ArrayList<>();
        types.note().ifPresent(notes::add);
        if (outside > 0) {
            notes.add(outside + " target rows have NULL in the primary key and could not be compared by key");
        }
        return result(table, TableVerification.Method.CHUNKS, counts, chunks, search.differences(),
                search.moreDifferences(), notes);
    }

    /**
     * The chunks of a table: of {@link VerifyOptions#chunkRows()} rows, unless that leaves too few chunks to keep
     * every worker busy ({@value #CHUNKS_PER_WORKER} each). Larger than {@value #FINE_CHUNK_ROWS} rows, the chunks
     * are planned at that size and then merged, as far as the workers allow: binary digests made large chunks
     * cheaper for PostgreSQL, and a 500,000-row table still gets 50 chunks with 16 workers.
     */
    private KeyPlan plan(TableRows planner) {
        int planRows = Math.min(options.chunkRows(), FINE_CHUNK_ROWS);
        KeyPlan fine = planner.plan(planRows);
        if (fine.problem() != null || planRows == options.chunkRows()) {
            return fine;
        }
        int chunks = fine.boundaries().size() + 1;
        return fine.merged(Math.max(1, Math.min(options.chunkRows() / planRows,
                chunks / (CHUNKS_PER_WORKER * workers))));
    }

    /** Chunks compared and differing. */
    private record ChunkCounts(int compared, int differing) {}

    private TableVerification multiset(BothSides both, MappedTable table, TargetColumnTypes types,
            BothSides.Both<Long, Long> counts, String reason) {
        TableRows sourceRows = route.sourceRows(source, table, null);
        TableRows targetRows = route.targetRows(target, table, null, types);
        boolean equal = route == VerifyRoute.SQLITE_TO_POSTGRES && types.asMapped() && equal(both.run(
                () -> sourceRows.binaryDigest(KeyRange.ALL), () -> targetRows.binaryDigest(KeyRange.ALL)));
        // Binary digests that differ may still be equal rows (see BinaryDigests): canonical text decides.
        equal = equal || equal(both.run(() -> sourceRows.digest(KeyRange.ALL), () -> targetRows.digest(KeyRange.ALL)));
        List<String> notes = new ArrayList<>(List.of(reason + ": " + MULTISET));
        types.note().ifPresent(notes::add);
        return result(table, TableVerification.Method.MULTISET, counts, new ChunkCounts(1, equal ? 0 : 1), List.of(),
                !equal, notes);
    }

    private static boolean equal(BothSides.Both<ChunkDigest, ChunkDigest> digests) {
        return digests.source().equals(digests.target());
    }

    private TableVerification result(MappedTable table, TableVerification.Method method,
            BothSides.Both<Long, Long> counts, ChunkCounts chunks, List<RowDifference> differences, boolean more,
            List<String> notes) {
        boolean equal = counts.source().equals(counts.target()) && chunks.differing() == 0;
        return new TableVerification(route.sourceId(table), route.targetId(table), method, counts.source(),
                counts.target(), chunks.compared(), chunks.differing(), equal ? TableVerification.Status.EQUAL
                        : TableVerification.Status.DIFFERENT, differences, more, notes);
    }
}
