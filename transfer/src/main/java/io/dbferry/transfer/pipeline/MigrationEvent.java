package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.model.TableId;
import java.util.Objects;

/** Progress of a running migration, for display; listeners must not throw. */
public sealed interface MigrationEvent {

    /**
     * A phase started.
     *
     * @param phase what is happening, e.g. {@code "creating 11 tables"}; never null
     */
    record PhaseStarted(String phase) implements MigrationEvent {
        /** Validates the phase. */
        public PhaseStarted {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /**
     * A table finished loading.
     *
     * @param result its counts and time, never null
     */
    record TableLoaded(TableResult result) implements MigrationEvent {
        /** Validates the result. */
        public TableLoaded {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A chunk of a table was committed on the target.
     *
     * @param table the target table, never null
     * @param rowsWritten the table's rows committed so far
     * @param estimatedRows about how many rows the table has, from the source's count when planning
     * @param chunksLoaded the table's chunks committed so far, ≥ 1
     * @param chunks how many chunks the table has
     * @param millis milliseconds since the table's first chunk started
     */
    record ChunkLoaded(TableId table, long rowsWritten, long estimatedRows, int chunksLoaded, int chunks,
            long millis) implements MigrationEvent {
        /** Validates the table. */
        public ChunkLoaded {
            Objects.requireNonNull(table, "table");
        }
    }
}
