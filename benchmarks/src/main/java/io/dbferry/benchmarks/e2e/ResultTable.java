package io.dbferry.benchmarks.e2e;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The benchmark's results as markdown tables: per dataset size one line per series with the median wall
 * time, its range, the client process's median CPU time and peak resident set, rows per second and the
 * ratios to pgloader and to the floor; and across two
 * sizes, the linearity of each series (issue 4: 4× the rows → ≤ 4.4× the time).
 */
final class ResultTable {

    /** The series the "× pgloader" column divides by. */
    static final String PGLOADER = "pgloader";
    /** The series the "× floor" column divides by. */
    static final String FLOOR = "floor (parallel COPY + keys)";
    /** Issue 4: wall time may grow at most 10 % faster than the rows. */
    static final double LINEARITY_SLACK = 1.1;

    private ResultTable() {}

    /**
     * The table of one dataset size.
     *
     * @param rows the dataset's rows, both tables together, ≥ 1
     * @param lines the series in display order, never null
     * @return markdown lines ending in a newline, never null
     */
    static String forSize(long rows, List<Series> lines) {
        Optional<Double> pgloader = median(lines, PGLOADER);
        Optional<Double> floor = median(lines, FLOOR);
        StringBuilder table = new StringBuilder()
                .append("| tool | median s | min–max s | client CPU s | peak RSS MB | rows/s | × pgloader | × floor |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Series line : lines) {
            double median = line.medianSeconds();
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f–%.2f | %s | %s | %,.0f | %s | %s |%n",
                    line.name(), median, line.minSeconds(), line.maxSeconds(), cpuSeconds(line), rssMegabytes(line),
                    rows / median, ratio(median, pgloader), ratio(median, floor)));
        }
        return table.toString();
    }

    /**
     * The linearity of each series present at both sizes: the ratio of its medians against the ratio of the
     * rows, and whether it stays within {@value #LINEARITY_SLACK}× the rows' ratio.
     *
     * @param smallRows the smaller size's rows, ≥ 1
     * @param small its series by name, never null
     * @param largeRows the larger size's rows, > smallRows
     * @param large its series by name, never null
     * @return markdown lines ending in a newline, never null
     */
    static String linearity(long smallRows, Map<String, Series> small, long largeRows, Map<String, Series> large) {
        double rowsRatio = (double) largeRows / smallRows;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| tool | median s at %,d rows | median s at %,d rows | time ratio (rows ×%.2f) | ≤ %.2f? |%n",
                smallRows, largeRows, rowsRatio, rowsRatio * LINEARITY_SLACK))
                .append("| --- | ---: | ---: | ---: | --- |\n");
        for (Series series : large.values()) {
            Series before = small.get(series.name());
            if (before != null) {
                double timeRatio = series.medianSeconds() / before.medianSeconds();
                table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", series.name(),
                        before.medianSeconds(), series.medianSeconds(), timeRatio,
                        timeRatio <= rowsRatio * LINEARITY_SLACK ? "yes" : "no"));
            }
        }
        return table.toString();
    }

    private static Optional<Double> median(List<Series> lines, String name) {
        return lines.stream().filter(s -> s.name().equals(name)).findFirst().map(Series::medianSeconds);
    }

    private static String ratio(double seconds, Optional<Double> reference) {
        Objects.requireNonNull(reference, "reference");
        return reference.map(r -> String.format(Locale.ROOT, "%.2f", seconds / r)).orElse("–");
    }

    private static String cpuSeconds(Series line) {
        return line.hasClient() ? String.format(Locale.ROOT, "%.2f", line.medianCpuSeconds()) : "(server)";
    }

    private static String rssMegabytes(Series line) {
        return line.hasClient() ? String.format(Locale.ROOT, "%,d", line.peakRssBytes() / (1024 * 1024)) : "(server)";
    }
}
