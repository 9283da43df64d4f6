package io.dbferry.cli;

import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import java.io.PrintWriter;

/**
 * Prints migration progress for a log or a pipe (stderr that is not a terminal): a line per phase and per
 * loaded table, and for tables still loading a progress line at most every {@value #INTERVAL_MILLIS} ms
 * (written when a chunk finishes, so a table of one long chunk shows only its end).
 */
final class HumanProgress implements MigrationListener {

    /** The least time between two progress lines, in milliseconds. */
    static final long INTERVAL_MILLIS = 2_000;

    private final PrintWriter err;
    private long lastLine = System.nanoTime();

    HumanProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void on(MigrationEvent event) {
        switch (event) {
            case MigrationEvent.PhaseStarted phase -> err.println("dbferry: " + phase.phase());
            case MigrationEvent.TableLoaded loaded -> err.println(ProgressText.done(loaded.result()));
            case MigrationEvent.ChunkLoaded progress -> {
                if (progress.chunksLoaded() < progress.chunks()
                        && System.nanoTime() - lastLine >= INTERVAL_MILLIS * 1_000_000) {
                    lastLine = System.nanoTime();
                    err.println(ProgressText.line(progress));
                }
            }
        }
        err.flush();
    }
}
