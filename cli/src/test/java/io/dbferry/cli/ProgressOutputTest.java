package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.TableResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What a person sees while tables load: bars on a terminal, lines in a log. */
class ProgressOutputTest {

    private static final TableId ORDERS = new TableId("public", "orders");

    private static MigrationEvent.ChunkLoaded progress(long rows, int chunks) {
        return new MigrationEvent.ChunkLoaded(ORDERS, rows, 1_000_000, chunks, 10, 2_000);
    }

    @Test
    void barShowsPercentRowsRateAndTimeLeft() {
        assertThat(ProgressText.bar(progress(250_000, 3))).isEqualTo(
                "  orders                   [######..................]  25%  250,000/1,000,000 rows  125,000 rows/s  ETA 6 s");
    }

    @Test
    void terminalRedrawsTheBarsInPlaceBelowTheScrollingLines() {
        StringWriter out = new StringWriter();
        TerminalProgress terminal = new TerminalProgress(new PrintWriter(out));

        terminal.on(progress(100_000, 1));
        terminal.on(progress(200_000, 2)); // within the redraw interval: not drawn
        terminal.on(new MigrationEvent.TableLoaded(new TableResult(new TableId("main", "orders"), ORDERS,
                1_000_000, 1_000_000, 0, null, 0, 8_000)));

        assertThat(out.toString()).isEqualTo("\u001b[J" + ProgressText.bar(progress(100_000, 1)) + "\n"
                + "\u001b[1A\r\u001b[J" + ProgressText.done(new TableResult(new TableId("main", "orders"), ORDERS,
                        1_000_000, 1_000_000, 0, null, 0, 8_000)) + "\n");
    }

    @Test
    void logPrintsLoadedTablesAndNoEscapeSequences() {
        StringWriter out = new StringWriter();
        HumanProgress log = new HumanProgress(new PrintWriter(out));

        log.on(progress(100_000, 1));
        log.on(new MigrationEvent.TableLoaded(new TableResult(new TableId("main", "orders"), ORDERS,
                1_000_000, 1_000_000, 0, null, 0, 8_000)));

        assertThat(out.toString()).isEqualTo("  orders                            1,000,000 rows     8.00 s\n");
    }
}
