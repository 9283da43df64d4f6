package io.dbferry.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

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
        return median(sortedSeconds());
    }

    /** The shortest wall time in seconds. */
    double minSeconds() {
        return sortedSeconds().get(0);
    }

    /** The longest wall time in seconds. */
    double maxSeconds() {
        return sortedSeconds().get(runs.size() - 1);
    }

    /** The median CPU time of the client process in seconds, or {@link Measurement#NOT_MEASURED}. */
    double medianCpuSeconds() {
        return median(sorted(Measurement::cpuSeconds));
    }

    /** The largest resident set of any run in bytes, or {@link Measurement#NOT_MEASURED}. */
    long peakRssBytes() {
        return runs.stream().mapToLong(Measurement::peakRssBytes).max().orElseThrow();
    }

    /** Whether the runs had a client process to measure. */
    boolean hasClient() {
        return runs.get(0).hasClient();
    }

    private List<Double> sortedSeconds() {
        return sorted(Measurement::wallSeconds);
    }

    private List<Double> sorted(ToDoubleFunction<Measurement> value) {
        List<Double> values = new ArrayList<>(runs.stream().map(value::applyAsDouble).toList());
        values.sort(Comparator.naturalOrder());
        return values;
    }

    private static double median(List<Double> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
