package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections of one side's workers: the caller's connection, which stays open, and the further ones
 * opened here, which {@link #close()} closes.
 */
final class WorkerConnections implements AutoCloseable {

    private final Connection given;
    private final List<Connection> opened;

    private WorkerConnections(Connection given, List<Connection> opened) {
        this.given = given;
        this.opened = opened;
    }

    /**
     * Opens the further connections.
     *
     * @param given the caller's connection, never null
     * @param opener opens one more, never null
     * @param more how many more to open, ≥ 0
     * @param side {@code source} or {@code target}, for messages
     * @return never null
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when one cannot be opened (those opened are
     *     closed)
     */
    static WorkerConnections open(Connection given, ConnectionOpener opener, int more, String side) {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < more; i++) {
                opened.add(opener.open());
            }
        } catch (SQLException | RuntimeException e) {
            new WorkerConnections(given, opened).close();
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed opening connection " + (opened.size() + 2)
                    + " to the " + side + " for the verification's workers: " + e.getMessage()
                    + "; use fewer workers", e);
        }
        return new WorkerConnections(given, opened);
    }

    /** The caller's connection first, then the opened ones; never empty. */
    List<Connection> all() {
        List<Connection> all = new ArrayList<>(List.of(given));
        all.addAll(opened);
        return all;
    }

    /** Closes the opened connections; a failure to close one is ignored, as nothing was written through it. */
    @Override
    public void close() {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                // only read through: nothing to lose, and the verification's result stands
                continue;
            }
        }
    }
}
