package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.postgres.PostgresCatalog;
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
 * into chunks of {@link VerifyOptions#chunkRows()} source rows by key range; each chunk's rows are counted and
 * hashed on both sides, and differing chunks are searched down to the rows ({@link ChunkSearch}). A table
 * without such a key is compared as a multiset: one count and hash over all its rows, which proves equality
 * but cannot say which rows differ. Both sides are only read.
 *
 * <p>In checksum mode, each side's chunks are hashed by {@link VerifyOptions#workers()} workers at once, each
 * through a connection of its own ({@link ChunkDigests}): the connections given, and more opened for the
 * verification and closed after it.
 *
 * <p>Not thread-safe; the connections are owned by the caller and must not be used elsewhere meanwhile.
 */
public final class Verifier {

    private static final String MULTISET = "compared as a multiset (one row count and hash over the whole table): "
            + "no row-level diff is possible";

    private final Connection source;
    private final Connection target;
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
        this(source, target, options, 1, Verifier::noMoreConnections, Verifier::noMoreConnections);
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
        this(source, target, options, options.workers(), moreSource, moreTarget);
    }

    private Verifier(Connection source, Connection target, VerifyOptions options, int workers,
            ConnectionOpener moreSource, ConnectionOpener moreTarget) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.moreSource = Objects.requireNonNull(moreSource, "moreSource");
        this.moreTarget = Objects.requireNonNull(moreTarget, "moreTarget");
        this.workers = workers;
    }

    private static Connection noMoreConnections() {
        throw new IllegalStateException("a verifier given single connections opens no more");
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
        long started = System.nanoTime();
        List<TableVerification> results = new ArrayList<>();
        int more = options.mode() == VerifyMode.CHECKSUM ? workers - 1 : 0;
        try (BothSides both = new BothSides();
                WorkerConnections sources = WorkerConnections.open(source, moreSource, more, "source");
                WorkerConnections targets = WorkerConnections.open(target, moreTarget, more, "target");
                ChunkDigests digests = new ChunkDigests(sources.all(), targets.all())) {
            for (MappedTable table : tables) {
                onTable.accept(table);
                results.add(verify(both, digests, table));
            }
        }
        return new VerificationReport(options.mode(), results, (System.nanoTime() - started) / 1_000_000);
    }

    private TableVerification verify(BothSides both, ChunkDigests digests, MappedTable table) {
        Optional<KeyColumns> key = options.mode() == VerifyMode.CHECKSUM ? KeyColumns.of(table) : Optional.empty();
        SqliteRows sourceRows = new SqliteRows(source, table, key.orElse(null));
        PostgresRows targetRows = new PostgresRows(target, table, key.orElse(null));
        if (!PostgresCatalog.relationNames(target, table.target().schema()).contains(table.target().name())) {
            return new TableVerification(table.source().id(), table.target(), TableVerification.Method.COUNTS,
                    sourceRows.count(), 0, 0, 0, TableVerification.Status.DIFFERENT, List.of(), false,
                    List.of("the target has no table " + table.target()
                            + "; migrate it first, or check --target-schema and --identifiers"));
        }
        BothSides.Both<Long, Long> counts = both.run(sourceRows::count, targetRows::count);
        if (options.mode() == VerifyMode.COUNTS) {
            return result(table, TableVerification.Method.COUNTS, counts, new ChunkCounts(0, 0), List.of(), false,
                    List.of());
        }
        if (key.isEmpty()) {
            return multiset(both, table, counts, table.primaryKey() == null ? "no primary key"
                    : "a primary key with a column type other than integer, text or uuid");
        }
        KeyPlan plan = sourceRows.plan(options.chunkRows());
        if (plan.problem() != null) {
            return multiset(both, table, counts, plan.problem());
        }
        ChunkSearch search = new ChunkSearch(both, sourceRows, targetRows, key.get(), options);
        List<KeyRange> ranges = plan.chunks();
        List<BothSides.Both<ChunkDigest, ChunkDigest>> rangeDigests = digests.of(ranges,
                c -> new SqliteRows(c, table, key.get()), c -> new PostgresRows(c, table, key.get()));
        for (int i = 0; i < ranges.size(); i++) {
            search.compare(ranges.get(i), rangeDigests.get(i));
        }
        long outside = counts.target() - search.targetRowsInChunks();
        // Rows whose key holds NULL belong to no key range; only the target can have them (the plan checked the
        // source).
        ChunkCounts chunks = new ChunkCounts(search.chunksCompared(), search.chunksDiffering() + (outside > 0 ? 1 : 0));
        return result(table, TableVerification.Method.CHUNKS, counts, chunks, search.differences(),
                search.moreDifferences(), outside > 0 ? List.of(outside + " target rows have NULL in the primary key "
                        + "and could not be compared by key") : List.of());
    }

    /** Chunks compared and differing. */
    private record ChunkCounts(int compared, int differing) {}

    private TableVerification multiset(BothSides both, MappedTable table, BothSides.Both<Long, Long> counts,
            String reason) {
        SqliteRows sourceRows = new SqliteRows(source, table, null);
        PostgresRows targetRows = new PostgresRows(target, table, null);
        BothSides.Both<ChunkDigest, ChunkDigest> digests = both.run(() -> sourceRows.digest(KeyRange.ALL),
                () -> targetRows.digest(KeyRange.ALL));
        boolean equal = digests.source().equals(digests.target());
        return result(table, TableVerification.Method.MULTISET, counts, new ChunkCounts(1, equal ? 0 : 1), List.of(),
                !equal, List.of(reason + ": " + MULTISET));
    }

    private static TableVerification result(MappedTable table, TableVerification.Method method,
            BothSides.Both<Long, Long> counts, ChunkCounts chunks, List<RowDifference> differences, boolean more,
            List<String> notes) {
        boolean equal = counts.source().equals(counts.target()) && chunks.differing() == 0;
        return new TableVerification(table.source().id(), table.target(), method, counts.source(), counts.target(),
                chunks.compared(), chunks.differing(), equal ? TableVerification.Status.EQUAL
                        : TableVerification.Status.DIFFERENT, differences, more, notes);
    }
}
