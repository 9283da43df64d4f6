package io.dbferry.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The repeated runs of one line of the result table, e.g. "dbferry migrate" at 2.1M rows.
 *
 * @param name the line's name, never null
 * @param runs the measurements in run order, never null, not empty
 */
record Series(String name, List<Measurement> runs) {

    Series {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("series " + name + " has no run");
        }
    }

    /** The median wall time in seconds; the mean of the middle two for an even count. */
    double medianSeconds() {
        List<Double> sorted = sortedSeconds();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The shortest wall time in seconds. */
    double minSeconds() {
        return sortedSeconds().get(0);
    }

    /** The longest wall time in seconds. */
    double maxSeconds() {
        return sortedSeconds().get(runs.size() - 1);
    }

    /** The largest resident set of any run in bytes, or {@link Measurement#NO_RSS}. */
    long peakRssBytes() {
        return runs.stream().mapToLong(Measurement::peakRssBytes).max().orElseThrow();
    }

    private List<Double> sortedSeconds() {
        List<Double> seconds = new ArrayList<>(runs.stream().map(Measurement::wallSeconds).toList());
        seconds.sort(Comparator.naturalOrder());
        return seconds;
    }
}
