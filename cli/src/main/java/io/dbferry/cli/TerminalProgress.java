package io.dbferry.cli;

import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws migration progress on a terminal: phases and loaded tables scroll as lines, and below them one
 * progress bar per table being loaded (rows, rows per second, time left), redrawn in place with ANSI
 * escape sequences (cursor up {@code ESC[nA}, erase to the end of the screen {@code ESC[J}) at most every
 * {@value #REDRAW_MILLIS} ms.
 *
 * <p>Drawn by hand rather than with a progress-bar library (me.tongfei:progressbar was considered): that
 * one redraws each bar from a timer thread of its own straight to a terminal it opens through JLine,
 * while dbferry prints through the command's writer, from the migration's events only. Not thread-safe;
 * the migration calls it one event at a time.
 */
final class TerminalProgress implements MigrationListener {

    static final long REDRAW_MILLIS = 100;

    private static final String ERASE_DOWN = "\u001b[J";

    private final PrintWriter err;
    private final Map<TableId, MigrationEvent.ChunkLoaded> running = new LinkedHashMap<>();
    private int drawn;
    private long lastDraw;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void on(MigrationEvent event) {
        switch (event) {
            case MigrationEvent.PhaseStarted phase -> above("dbferry: " + phase.phase());
            case MigrationEvent.TableLoaded loaded -> {
                running.remove(loaded.result().target());
                above(ProgressText.done(loaded.result()));
            }
            case MigrationEvent.ChunkLoaded progress -> {
                running.put(progress.table(), progress);
                if (System.nanoTime() - lastDraw >= REDRAW_MILLIS * 1_000_000) {
                    redraw(null);
                }
            }
        }
    }

    /** Prints a line above the bars. */
    private void above(String line) {
        redraw(line);
    }

    private void redraw(String line) {
        StringBuilder screen = new StringBuilder();
        if (drawn > 0) {
            screen.append("\u001b[").append(drawn).append('A').append('\r');
        }
        screen.append(ERASE_DOWN);
        if (line != null) {
            screen.append(line).append('\n');
        }
        running.values().forEach(p -> screen.append(ProgressText.bar(p)).append('\n'));
        drawn = running.size();
        lastDraw = System.nanoTime();
        err.print(screen);
        err.flush();
    }
}
