package io.dbferry.transfer.pipeline;

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
}
