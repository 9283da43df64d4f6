package io.dbferry.cli;

import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.TableResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints migration progress for a person, one line per phase and per loaded table, to stderr. */
final class HumanProgress implements MigrationListener {

    private final PrintWriter err;

    HumanProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void on(MigrationEvent event) {
        switch (event) {
            case MigrationEvent.PhaseStarted phase -> {
                if (!phase.phase().startsWith("loading ")) {
                    err.println("dbferry: " + phase.phase());
                }
            }
            case MigrationEvent.TableLoaded loaded -> err.println(tableLine(loaded.result()));
        }
        err.flush();
    }

    static String tableLine(TableResult result) {
        return String.format(Locale.ROOT, "  %-30s %,12d rows  %7.2f s", result.target().name(),
                result.rowsWritten(), result.millis() / 1000.0);
    }
}
