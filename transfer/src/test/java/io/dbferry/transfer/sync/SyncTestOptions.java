package io.dbferry.transfer.sync;

import io.dbferry.transfer.pipeline.MigrationOptions;
import java.time.Duration;
import java.util.List;

/** The {@link SyncOptions} of the sync tests: table {@code items} by default, 2 workers, and variations. */
final class SyncTestOptions {

    private SyncTestOptions() {}

    /** Table {@code items}, watermark {@code updated_at}, the default lookback, no deletes. */
    static SyncOptions defaults() {
        return tables(SyncOptions.defaults(MigrationOptions.builder().workers(2).build()), "items");
    }

    /** The same options for other tables. */
    static SyncOptions tables(SyncOptions options, String... tables) {
        MigrationOptions m = MigrationOptions.builder().tables(List.of(tables)).workers(2).build();
        return new SyncOptions(m, options.watermarkColumn(), options.tableWatermarks(), options.lookback(),
                options.fullRefresh(), options.softDeleteColumn());
    }

    /** The same options with another lookback. */
    static SyncOptions lookback(SyncOptions options, Duration lookback) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(), lookback,
                options.fullRefresh(), options.softDeleteColumn());
    }

    /** The same options with {@code --deletes detect}. */
    static SyncOptions deletes(SyncOptions options, double maxFraction, boolean force) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(),
                options.lookback(), options.fullRefresh(), null, true, maxFraction, force);
    }

    /** The same options with {@code --deletes soft:deleted_at}. */
    static SyncOptions withSoftDeletes(SyncOptions options) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(),
                options.lookback(), options.fullRefresh(), "deleted_at");
    }
}
