package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.transfer.sync.Sync;
import io.dbferry.transfer.sync.SyncFailedException;
import io.dbferry.transfer.sync.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sync --every}: one sync per interval, one log line per run, until SIGTERM. The JVM runs shutdown hooks
 * on SIGTERM and SIGINT; ours asks the loop to stop, waits until the current run has committed or rolled back
 * and the loop has ended, then halts with exit code 0 — a scheduler's stop is a normal end, not a failure.
 * A failed run is logged and the next one tried (a lock held by another sync, a source busy). Runs on the
 * caller's thread.
 */
final class SyncSchedule {

    private final Sync sync;
    private final Duration interval;
    private final Integer maxRuns;
    private final PrintWriter err;
    private final PrintWriter json;
    private final Path metricsFile;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Whether a run synced, for the launcher's archive mark ({@link ArchiveMark}); read by the stop hook. */
    private volatile boolean anyRunSynced;

    /**
     * @param maxRuns stop after this many runs; null to run until stopped
     * @param json where to print each run's summary as one JSON line ({@code --json}), null for none
     * @param metricsFile where to write each run's metrics, null for none
     */
    SyncSchedule(Sync sync, Duration interval, Integer maxRuns, PrintWriter err, PrintWriter json, Path metricsFile) {
        this.sync = sync;
        this.interval = interval;
        this.maxRuns = maxRuns;
        this.err = err;
        this.json = json;
        this.metricsFile = metricsFile;
    }

    /** Runs until stopped (or {@code maxRuns} runs). */
    void run() throws InterruptedException {
        Thread hook = new Thread(this::stopAfterCurrentRun, "dbferry-sync-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (int run = 1; maxRuns == null || run <= maxRuns; run++) {
                long started = System.nanoTime();
                runOnce();
                long remaining = interval.toNanos() - (System.nanoTime() - started);
                if ((maxRuns != null && run == maxRuns) || stop.await(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private void runOnce() {
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            SyncResult result = sync.run();
            SyncReport report = new SyncReport(result);
            anyRunSynced = true;
            err.println(at + " " + report.oneLine());
            report.warnings().forEach(w -> err.println(at + " " + w));
            printJson(report.toJsonLine()); // before the metrics: the run has committed whatever they do
            if (metricsFile != null) {
                SyncMetrics.write(metricsFile, result);
            }
        } catch (DbferryException e) {
            if (e instanceof SyncFailedException partial) {
                err.println(at + " " + new SyncReport(partial.partial()).oneLine());
            }
            err.println(at + " dbferry: sync failed: " + e.getMessage().replaceAll("\\s*\\R\\s*", " ")
                    + " [" + e.code() + "]");
            printJson(SyncReport.failureJsonLine(e));
        }
        err.flush();
    }

    private void printJson(String line) {
        if (json != null) {
            json.println(line);
            json.flush();
        }
    }

    /** The shutdown hook: lets the current run end, then exits with 0. */
    private void stopAfterCurrentRun() {
        stop.countDown();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " dbferry: stopped");
        err.flush();
        if (anyRunSynced) {
            ArchiveMark.leave(); // halt() skips main's mark; the JVM still writes the archive
        }
        Runtime.getRuntime().halt(ExitCodes.OK);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and waits for `finished`, counted down above.
        }
    }
}
