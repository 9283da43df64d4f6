package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.model.TableId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of a migration, registered in the caller's Micrometer registry. Per target table (tag
 * {@code table}, its name — never a URL or credential): {@code dbferry.rows.read},
 * {@code dbferry.rows.written}, {@code dbferry.rows.rejected} (counters, rows), {@code dbferry.bytes.written}
 * (counter, bytes of COPY data sent), {@code dbferry.chunk.duration} (timer, from the start of a chunk's read
 * to its commit); and {@code dbferry.queue.depth} (gauge, encoded batches waiting for a writer). In
 * Prometheus' text format they read {@code dbferry_rows_read_total{table="Album"}},
 * {@code dbferry_bytes_written_total}, {@code dbferry_chunk_duration_seconds_count} and so on.
 * Thread-safe.
 */
final class MigrationMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger queueDepth = new AtomicInteger();

    MigrationMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("dbferry.queue.depth", queueDepth, AtomicInteger::get)
                .description("encoded batches waiting for a writer").strongReference(true)
                .register(registry);
    }

    /** The queue depth gauge's value, changed by the chunk streams. */
    AtomicInteger queueDepth() {
        return queueDepth;
    }

    void chunkRead(TableId table, long rows) {
        counter("dbferry.rows.read", "rows read from the source", "rows", table).increment(rows);
    }

    void chunkWritten(TableId table, long rows, long bytes, long nanos) {
        counter("dbferry.rows.written", "rows the target confirmed as copied", "rows", table).increment(rows);
        counter("dbferry.bytes.written", "COPY data sent to the target", "bytes", table).increment(bytes);
        Timer.builder("dbferry.chunk.duration").description("from the start of a chunk's read to its commit")
                .tag("table", table.name()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(TableId table) {
        counter("dbferry.rows.rejected", "rows whose values could not be converted", "rows", table).increment();
    }

    /** Registers the table's counters at zero, so that every migrated table appears in the output. */
    void register(TableId table) {
        chunkRead(table, 0);
        counter("dbferry.rows.written", "rows the target confirmed as copied", "rows", table);
        counter("dbferry.bytes.written", "COPY data sent to the target", "bytes", table);
        counter("dbferry.rows.rejected", "rows whose values could not be converted", "rows", table);
    }

    private Counter counter(String name, String description, String unit, TableId table) {
        // No base unit: the name says it, and Prometheus would append it again (dbferry_rows_read_rows_total).
        return Counter.builder(name).description(description + " (" + unit + ")").tag("table", table.name())
                .register(registry);
    }
}
