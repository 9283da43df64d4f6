package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link VerifyProgressText}: what reaches stderr, on a terminal and in a log, with the clock moved by hand
 * (milliseconds).
 */
class VerifyProgressTextTest {

    private static final String ERASE = "\r\u001b[K";

    private final StringWriter out = new StringWriter();
    private final AtomicLong millis = new AtomicLong();

    private VerifyProgressText progress(boolean terminal) {
        return new VerifyProgressText(new PrintWriter(out), terminal, () -> millis.get() * 1_000_000);
    }

    /** Moves the clock to {@code at} ms, then reports a chunk done. */
    private void chunkAt(VerifyProgressText progress, long at, int digested, int chunks, long sourceRows) {
        millis.set(at);
        progress.chunkDigested(null, digested, chunks, sourceRows);
    }

    @Test
    void formatsChunksPercentRowsAndRate() {
        assertThat(VerifyProgressText.line("\"public\".\"orders\"", 14, 40, 698_000, 5_000))
                .isEqualTo("  \"public\".\"orders\": 14/40 chunks 35%  698,000 rows  139,600 rows/s");
    }

    @Test
    void printsALineEveryTwoSecondsInALogAndNoneForTheLastChunk() {
        VerifyProgressText progress = progress(false);
        progress.tableStarted("\"public\".\"orders\"");
        chunkAt(progress, 1_000, 1, 4, 100);
        chunkAt(progress, 2_500, 2, 4, 200);
        chunkAt(progress, 3_000, 3, 4, 300);
        chunkAt(progress, 9_000, 4, 4, 400);

        assertThat(out.toString().lines()).containsExactly("dbferry: verifying \"public\".\"orders\"",
                "  \"public\".\"orders\": 2/4 chunks 50%  200 rows  80 rows/s");
    }

    @Test
    void redrawsOneLineOnATerminalAndErasesItWhenTheTableIsDone() {
        VerifyProgressText progress = progress(true);
        progress.tableStarted("t");
        chunkAt(progress, 50, 1, 3, 10); // too soon after the start
        chunkAt(progress, 200, 2, 3, 20);
        chunkAt(progress, 400, 3, 3, 30);
        progress.erase(); // nothing drawn any more: prints nothing
        progress.tableStarted("u");

        assertThat(out.toString()).isEqualTo("dbferry: verifying t" + System.lineSeparator()
                + ERASE + "  t: 2/3 chunks 67%  20 rows  100 rows/s" + ERASE
                + "dbferry: verifying u" + System.lineSeparator());
    }

    @Test
    void erasesADrawnLineBeforeTheNextTableOrAFailure() {
        VerifyProgressText progress = progress(true);
        progress.tableStarted("t");
        chunkAt(progress, 1_000, 1, 3, 10);
        progress.erase();
        progress.erase();

        assertThat(out.toString()).endsWith("  t: 1/3 chunks 33%  10 rows  10 rows/s" + ERASE);
    }
}
