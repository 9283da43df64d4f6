package io.dbferry.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * How busy the machine's CPUs are, read from Linux's {@code /proc/stat} (proc(5), "cpu" line). Work of other
 * processes on the same machine — another build, another benchmark — skews a timed run, so the benchmark
 * waits for a quiet machine before each one.
 */
final class CpuLoad {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Seconds each sample of the CPU counters spans. */
    private static final int SAMPLE_SECONDS = 2;

    private CpuLoad() {}

    /**
     * Waits until the CPUs are busy less than {@code maxBusy} of the time over a {@value #SAMPLE_SECONDS}-second
     * sample, or until {@code maxWaitSeconds} have passed.
     *
     * @param maxBusy the busy fraction of all CPUs below which the machine counts as quiet, 0 to 1
     * @param maxWaitSeconds how long to wait at most, ≥ 0; 0 checks nothing
     * @param progress receives a line each time the machine is found busy, never null
     * @return true when the machine was quiet (or nothing can be measured), false when the wait ran out
     */
    static boolean awaitQuiet(double maxBusy, long maxWaitSeconds, Consumer<String> progress) {
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        while (maxWaitSeconds > 0) {
            OptionalDouble busy = busyFraction();
            if (busy.isEmpty() || busy.getAsDouble() < maxBusy) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                progress.accept(String.format(Locale.ROOT, "machine still %.0f %% busy after %d s: running anyway",
                        busy.getAsDouble() * 100, maxWaitSeconds));
                return false;
            }
            progress.accept(String.format(Locale.ROOT, "machine %.0f %% busy with other work: waiting",
                    busy.getAsDouble() * 100));
        }
        return true;
    }

    /**
     * The fraction of CPU time, over all CPUs, spent neither idle nor waiting for I/O during the next
     * {@value #SAMPLE_SECONDS} seconds.
     *
     * @return 0 to 1, or empty where {@code /proc/stat} cannot be read or the thread is interrupted
     */
    static OptionalDouble busyFraction() {
        long[] before = counters();
        try {
            Thread.sleep(SAMPLE_SECONDS * 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
        long[] after = counters();
        if (before.length < 5 || after.length < 5) {
            return OptionalDouble.empty();
        }
        long total = Arrays.stream(after).sum() - Arrays.stream(before).sum();
        long idle = after[3] + after[4] - before[3] - before[4];
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (total - idle) / total);
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal, … in clock ticks; empty when unreadable. */
    private static long[] counters() {
        try {
            return Files.readAllLines(PROC_STAT).stream().filter(l -> l.startsWith("cpu ")).findFirst()
                    .map(l -> Arrays.stream(l.substring(4).trim().split("\\s+")).limit(8)
                            .mapToLong(Long::parseLong).toArray())
                    .orElse(new long[0]);
        } catch (IOException e) {
            return new long[0];
        }
    }
}
