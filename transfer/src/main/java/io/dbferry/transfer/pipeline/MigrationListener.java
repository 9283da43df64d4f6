package io.dbferry.transfer.pipeline;

/** Receives {@link MigrationEvent}s on the migrating thread, in order. */
@FunctionalInterface
public interface MigrationListener {

    /** A listener that ignores every event. */
    MigrationListener NONE = event -> { };

    /**
     * Handles one event; must return quickly and not throw.
     *
     * @param event never null
     */
    void on(MigrationEvent event);
}
