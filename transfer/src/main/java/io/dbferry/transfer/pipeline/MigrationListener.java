package io.dbferry.transfer.pipeline;

/**
 * Receives {@link MigrationEvent}s. A {@link Migration} calls it one event at a time, from its own thread
 * and from its worker threads, so an implementation need not be thread-safe; events of one table arrive in
 * order.
 */
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
