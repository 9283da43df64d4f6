package io.dbferry.cli;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.verify.VerifyProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows {@code verify}'s progress on stderr: a line as each table starts, then how many of its chunks both sides
 * have hashed — on a terminal one line redrawn in place (carriage return, then erase to the end of the line
 * {@code ESC[K}) at most every {@value #REDRAW_MILLIS} ms and erased when the table is done; in a log or a pipe a
 * line at most every {@value HumanProgress#INTERVAL_MILLIS} ms while chunks remain, as {@code migrate} prints
 * them. Chunk calls come from the verifier's worker threads; every method is synchronized.
 */
final class VerifyProgressText implements VerifyProgress {

    /** The least time between two redraws on a terminal, in milliseconds. */
    static final long REDRAW_MILLIS = 100;

    private static final String ERASE_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private String shown = "";
    private long started;
    private long lastLine;
    private boolean drawn;

    /**
     * @param err where the lines go, never null
     * @param terminal whether {@code err} is a terminal, where the progress line is redrawn in place
     */
    VerifyProgressText(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    /**
     * @param err where the lines go, never null
     * @param terminal whether {@code err} is a terminal, where the progress line is redrawn in place
     * @param clock the time in nanoseconds, as {@link System#nanoTime()} tells it; never null
     */
    VerifyProgressText(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /**
     * Prints that a table's verification starts, after erasing a progress line.
     *
     * @param shown the table as the messages name it, e.g. {@code "public"."orders"}; never null
     */
    synchronized void tableStarted(String shown) {
        erase();
        this.shown = shown;
        err.println("dbferry: verifying " + shown);
        err.flush();
        started = clock.getAsLong();
        lastLine = started;
    }

    @Override
    public synchronized void chunkDigested(MappedTable table, int digested, int chunks, long sourceRows) {
        if (digested >= chunks) {
            erase(); // the report lists the table
            return;
        }
        long now = clock.getAsLong();
        if (now - lastLine < (terminal ? REDRAW_MILLIS : HumanProgress.INTERVAL_MILLIS) * 1_000_000) {
            return;
        }
        lastLine = now;
        String line = line(shown, digested, chunks, sourceRows, (now - started) / 1_000_000);
        if (terminal) {
            err.print(ERASE_LINE + line);
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Erases the progress line drawn on a terminal, if any: before another line, or when the command fails. */
    synchronized void erase() {
        if (drawn) {
            err.print(ERASE_LINE);
            err.flush();
            drawn = false;
        }
    }

    /**
     * {@code "  "public"."orders": 14/40 chunks 35%  698,000 rows  139,600 rows/s"}.
     *
     * @param shown the table as the messages name it, never null
     * @param digested chunks done, at least 0
     * @param chunks chunks in all, at least 1
     * @param sourceRows source rows in the chunks done
     * @param millis time since the table started, in milliseconds
     * @return never null
     */
    static String line(String shown, int digested, int chunks, long sourceRows, long millis) {
        double seconds = Math.max(millis, 1) / 1000.0;
        return String.format(Locale.ROOT, "  %s: %d/%d chunks %.0f%%  %,d rows  %,.0f rows/s", shown, digested,
                chunks, 100.0 * digested / chunks, sourceRows, sourceRows / seconds);
    }
}
