package io.dbferry.benchmarks.e2e;

/**
 * One timed run.
 *
 * @param wallSeconds elapsed wall-clock time in seconds, ≥ 0
 * @param cpuSeconds user and system CPU time of the measured process in seconds, or {@link #NOT_MEASURED}
 *     when the work ran inside the PostgreSQL server and no process of ours can be measured
 * @param peakRssBytes the largest resident set of the measured process in bytes, or {@link #NOT_MEASURED}
 */
record Measurement(double wallSeconds, double cpuSeconds, long peakRssBytes) {

    /** The value of {@link #cpuSeconds()} and {@link #peakRssBytes()} when there is no client process. */
    static final long NOT_MEASURED = -1;

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
        return new Measurement(wallSeconds, NOT_MEASURED, NOT_MEASURED);
    }

    /** Whether a client process was measured: false for work inside the server. */
    boolean hasClient() {
        return peakRssBytes != NOT_MEASURED;
    }

    /**
     * Two server-side runs one after the other: their wall times added.
     *
     * @param next the run after this one, never null
     * @return never null
     * @throws IllegalStateException when either run had a client process, whose usage cannot be added up
     */
    Measurement then(Measurement next) {
        if (hasClient() || next.hasClient()) {
            throw new IllegalStateException("only server-side runs add up");
        }
        return serverSide(wallSeconds + next.wallSeconds);
    }
}
