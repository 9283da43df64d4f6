package io.dbferry.benchmarks.e2e;

/**
 * One timed run.
 *
 * @param wallSeconds elapsed wall-clock time in seconds, ≥ 0
 * @param peakRssBytes the largest resident set of the measured process in bytes, or {@link #NO_RSS} when
 *     the work ran inside the PostgreSQL server and no process of ours can be measured
 */
record Measurement(double wallSeconds, long peakRssBytes) {

    /** The value of {@link #peakRssBytes()} when there is no client process to measure. */
    static final long NO_RSS = -1;

    Measurement {
        if (wallSeconds < 0) {
            throw new IllegalArgumentException("wall time must be ≥ 0, was " + wallSeconds);
        }
    }

    /**
     * A run inside the server, measured by wall time only.
     *
     * @param wallSeconds seconds, ≥ 0
     * @return never null
     */
    static Measurement serverSide(double wallSeconds) {
        return new Measurement(wallSeconds, NO_RSS);
    }

    /**
     * Two runs one after the other: their wall times added, the larger peak resident set.
     *
     * @param next the run after this one, never null
     * @return never null
     */
    Measurement then(Measurement next) {
        return new Measurement(wallSeconds + next.wallSeconds, Math.max(peakRssBytes, next.peakRssBytes));
    }
}
