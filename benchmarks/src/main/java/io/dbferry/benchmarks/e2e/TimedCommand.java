package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.BenchmarkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command under GNU time ({@code /usr/bin/time -v}) and measures its wall time, CPU time and peak
 * resident set.
 * The command's stdout and stderr go to a log file, which a failure message names.
 */
final class TimedCommand {

    /** GNU time; its {@code -v} report has the peak resident set ("Maximum resident set size"). */
    static final Path GNU_TIME = Path.of("/usr/bin/time");

    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([0-9.]+)");

    private TimedCommand() {}

    /**
     * Runs the command to its end.
     *
     * @param command the program and its arguments, never null, not empty
     * @param log the file to write the command's output to, replaced; never null
     * @return the wall time, and the CPU time and peak resident set of the command's process; never null
     * @throws BenchmarkException when GNU time is missing, the command cannot start or exits non-zero
     */
    static Measurement run(List<String> command, Path log) {
        if (!Files.isExecutable(GNU_TIME)) {
            throw new BenchmarkException(GNU_TIME + " (GNU time) is missing: install it (apt-get install time)");
        }
        Path report = log.resolveSibling(log.getFileName() + ".time");
        List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-v", "-o", report.toString()));
        timed.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit != 0) {
                throw new BenchmarkException(command.get(0) + " exited with code " + exit + ": see " + log);
            }
            String usage = Files.readString(report);
            return new Measurement(seconds, cpuSeconds(usage), peakRssBytes(usage, report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * The user plus system CPU time in a GNU time {@code -v} report.
     *
     * @param report the report's text, never null
     * @return seconds, ≥ 0; 0 when the report has neither line
     */
    static double cpuSeconds(String report) {
        Matcher matcher = CPU.matcher(report);
        double seconds = 0;
        while (matcher.find()) {
            seconds += Double.parseDouble(matcher.group(1));
        }
        return seconds;
    }

    /**
     * The peak resident set in a GNU time {@code -v} report.
     *
     * @param report the report's text, never null
     * @param file where the report was read from, for the error message
     * @return bytes, ≥ 0
     * @throws BenchmarkException when the report has no "Maximum resident set size" line
     */
    static long peakRssBytes(String report, Path file) {
        Matcher matcher = MAX_RSS.matcher(report);
        if (!matcher.find()) {
            throw new BenchmarkException("no 'Maximum resident set size' in " + file + ": is " + GNU_TIME
                    + " GNU time?");
        }
        return Long.parseLong(matcher.group(1)) * 1024;
    }
}
