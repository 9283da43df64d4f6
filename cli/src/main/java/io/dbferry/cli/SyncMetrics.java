package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.sync.SyncResult;
import io.dbferry.transfer.sync.TableSyncResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToDoubleFunction;

/**
 * {@code --metrics-file} of sync: the last run's figures in Prometheus text format, replaced atomically after
 * every run so a node-exporter textfile collector never reads half a file. Per table {@code dbferry_sync_rows_read},
 * {@code dbferry_sync_rows_upserted}, {@code dbferry_sync_rows_deleted}, {@code dbferry_sync_null_watermarks};
 * per run {@code dbferry_sync_duration_seconds}, {@code dbferry_sync_last_success_timestamp_seconds} and, unless
 * {@code --no-verify}, {@code dbferry_sync_verification_differing_tables} (0 when the target matched).
 */
final class SyncMetrics {

    private SyncMetrics() {}

    /**
     * Writes the file.
     *
     * @throws DbferryException with {@link ErrorCode#OUTPUT_FAILED} when it cannot be written
     */
    static void write(Path file, SyncResult result) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (TableSyncResult table : result.tables()) {
            Tags tags = Tags.of("table", table.target().toString(), "mode", table.mode().label());
            gauge(registry, "dbferry.sync.rows.read", tags, table, TableSyncResult::rowsRead);
            gauge(registry, "dbferry.sync.rows.upserted", tags, table, TableSyncResult::rowsUpserted);
            gauge(registry, "dbferry.sync.rows.deleted", tags, table, TableSyncResult::rowsDeleted);
            gauge(registry, "dbferry.sync.null.watermarks", tags, table, TableSyncResult::nullWatermarks);
        }
        if (result.verification() != null) {
            Gauge.builder("dbferry.sync.verification.differing.tables", result,
                    r -> r.verification().differing().size()).register(registry);
        }
        Gauge.builder("dbferry.sync.duration.seconds", result, r -> r.millis() / 1000.0).register(registry);
        long now = System.currentTimeMillis();
        Gauge.builder("dbferry.sync.last.success.timestamp.seconds", () -> now / 1000.0).register(registry);
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, registry.scrape(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.OUTPUT_FAILED, "cannot write --metrics-file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void gauge(PrometheusMeterRegistry registry, String name, Tags tags, TableSyncResult table,
            ToDoubleFunction<TableSyncResult> value) {
        Gauge.builder(name, table, value).tags(tags).register(registry);
    }
}
