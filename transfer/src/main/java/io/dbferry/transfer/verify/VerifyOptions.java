package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.util.Objects;

/**
 * How to verify: the mode, how many row differences to list, and the chunk sizes of checksum mode.
 *
 * @param mode counts or checksums, never null (default: {@link VerifyMode#CHECKSUM} for {@code verify},
 *     {@link VerifyMode#COUNTS} at the end of {@code migrate})
 * @param maxDiffs the most row differences listed per table, ≥ 0 (default: {@value #DEFAULT_MAX_DIFFS}); 0 finds
 *     which tables and chunks differ without looking for the rows
 * @param chunkRows the source rows per chunk, ≥ 2 (default: {@value #DEFAULT_CHUNK_ROWS}); about that many: a dense
 *     integer key is cut into equal key ranges, up to twice as many rows each (see the README, verify)
 * @param leafRows a differing chunk is split until neither side has more rows than this, then its rows are
 *     compared one by one; ≥ 1 (default: {@value #DEFAULT_LEAF_ROWS})
 * @param workers how many chunks each side reads at the same time, each through a connection of its own; ≥ 1
 *     (default: {@link #defaultWorkers()}); a {@link Verifier} given single connections uses one per side
 */
public record VerifyOptions(VerifyMode mode, int maxDiffs, int chunkRows, int leafRows, int workers) {

    /** The default of {@code --max-diffs}. */
    public static final int DEFAULT_MAX_DIFFS = 20;
    /**
     * Source rows per chunk unless set otherwise: PostgreSQL wrote the benchmark's orders in 2.8 s as 40 chunks
     * of 50,000 rows against 3.9 s as 200 of 10,000 (2.2 s whole; binary COPY, benchmarks/RESULTS.md), and a
     * differing chunk costs only a few more bisection steps.
     */
    public static final int DEFAULT_CHUNK_ROWS = 50_000;
    /** Rows per side below which a differing chunk is compared row by row. */
    public static final int DEFAULT_LEAF_ROWS = 64;

    /**
     * Validates the settings.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} naming the option at fault
     */
    public VerifyOptions {
        Objects.requireNonNull(mode, "mode");
        if (maxDiffs < 0) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--max-diffs must be ≥ 0, was " + maxDiffs);
        }
        if (workers < 1) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--workers must be ≥ 1, was " + workers);
        }
        if (chunkRows < 2 || leafRows < 1) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "chunks need ≥ 2 rows and leaves ≥ 1, were "
                    + chunkRows + " and " + leafRows);
        }
    }

    /**
     * Options with the default chunk sizes and workers.
     *
     * @param mode never null
     * @param maxDiffs the most row differences listed per table, ≥ 0
     * @return never null
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when maxDiffs is negative
     */
    public static VerifyOptions of(VerifyMode mode, int maxDiffs) {
        return new VerifyOptions(mode, maxDiffs, DEFAULT_CHUNK_ROWS, DEFAULT_LEAF_ROWS, defaultWorkers());
    }

    /**
     * The verification at the end of a {@code migrate} or {@code sync}: the default limits, the run's workers.
     *
     * @param mode never null
     * @param workers workers per side, ≥ 1
     * @return never null
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when workers is below 1
     */
    public static VerifyOptions atEnd(VerifyMode mode, int workers) {
        return new VerifyOptions(mode, DEFAULT_MAX_DIFFS, DEFAULT_CHUNK_ROWS, DEFAULT_LEAF_ROWS, workers);
    }

    /**
     * The default number of workers per side: the number of processors, at least 2 — the database servers do
     * part of the work in processes of their own (PostgreSQL) or in the reading thread (SQLite).
     *
     * @return ≥ 2
     */
    public static int defaultWorkers() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
