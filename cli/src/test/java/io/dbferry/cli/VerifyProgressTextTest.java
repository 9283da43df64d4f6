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

    @Test
    void formatsChunksPercentRowsAndRate() {
        assertThat(VerifyProgressText.line("\"public\".\"orders\"", 14, 40, 698_000, 5_000))
                .isEqualTo("  \"public\".\"orders\": 14/40 chunks 35%  698,000 rows  139,600 rows/s");
    }

    @Test
    void printsALineEveryTwoSecondsInALogAndNoneForTheLastChunk() {
        VerifyProgressText progress = progress(false);
        progress.tableStarted("\"public\".\"orders\"");
        millis.set(1_000);
        progress.chunkDigested(null, 1, 4, 100);
        millis.set(2_500);
        progress.chunkDigested(null, 2, 4, 200);
        millis.set(3_000);
        progress.chunkDigested(null, 3, 4, 300);
        millis.set(9_000);
        progress.chunkDigested(null, 4, 4, 400);

        assertThat(out.toString().lines()).containsExactly("dbferry: verifying \"public\".\"orders\"",
                "  \"public\".\"orders\": 2/4 chunks 50%  200 rows  80 rows/s");
    }

    @Test
    void redrawsOneLineOnATerminalAndErasesItWhenTheTableIsDone() {
        VerifyProgressText progress = progress(true);
        progress.tableStarted("t");
        millis.set(50);
        progress.chunkDigested(null, 1, 3, 10); // too soon after the start
        millis.set(200);
        progress.chunkDigested(null, 2, 3, 20);
        millis.set(400);
        progress.chunkDigested(null, 3, 3, 30);
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
        millis.set(1_000);
        progress.chunkDigested(null, 1, 3, 10);
        progress.erase();
        progress.erase();

        assertThat(out.toString()).endsWith("  t: 1/3 chunks 33%  10 rows  10 rows/s" + ERASE);
    }
}
