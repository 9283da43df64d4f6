package io.dbferry.cli;

import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.TableResult;
import java.util.Locale;

/** Formats a table's load progress for people: rows, rows per second, time left. Stateless. */
final class ProgressText {

    private static final int BAR_WIDTH = 24;

    private ProgressText() {}

    /** {@code "  Album   [#####......]  45%  450,000/1,000,000 rows  120,000 rows/s  ETA 5 s"}. */
    static String bar(MigrationEvent.ChunkLoaded progress) {
        int filled = (int) Math.round(fraction(progress) * BAR_WIDTH);
        return String.format(Locale.ROOT, "  %-24s [%s%s] %s", progress.table().name(), "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), numbers(progress));
    }

    /** {@code "  loading Album: 45%  450,000/1,000,000 rows  120,000 rows/s  ETA 5 s"}. */
    static String line(MigrationEvent.ChunkLoaded progress) {
        return "  loading " + progress.table().name() + ": " + numbers(progress);
    }

    /** {@code "  Album            347 rows     0.01 s"}: a loaded table. */
    static String done(TableResult result) {
        return String.format(Locale.ROOT, "  %-30s %,12d rows  %7.2f s", result.target().name(),
                result.rowsWritten(), result.millis() / 1000.0)
                + (result.rowsRejected() == 0 ? "" : String.format(Locale.ROOT, "  %,d rejected", result.rowsRejected()));
    }

    private static String numbers(MigrationEvent.ChunkLoaded progress) {
        double seconds = Math.max(progress.millis(), 1) / 1000.0;
        double rate = progress.rowsWritten() / seconds;
        long left = Math.max(0, progress.estimatedRows() - progress.rowsWritten());
        String eta = rate > 0 ? String.format(Locale.ROOT, "ETA %.0f s", left / rate) : "ETA ?";
        return String.format(Locale.ROOT, "%3.0f%%  %,d/%,d rows  %,.0f rows/s  %s", fraction(progress) * 100,
                progress.rowsWritten(), progress.estimatedRows(), rate, eta);
    }

    private static double fraction(MigrationEvent.ChunkLoaded progress) {
        if (progress.estimatedRows() <= 0) {
            return (double) progress.chunksLoaded() / progress.chunks();
        }
        return Math.min(1.0, (double) progress.rowsWritten() / progress.estimatedRows());
    }
}
