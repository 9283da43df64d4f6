package io.dbferry.transfer.connect;

import java.sql.SQLException;

/** Says in one line why a connection failed, from the exception chain that a pool or driver threw. */
final class CauseDescription {

    private CauseDescription() {
    }

    /**
     * The driver's own words (the first {@link SQLException} in the chain, else the deepest cause), followed
     * by the underlying network or I/O failure when there is one, e.g.
     * {@code The connection attempt failed. (UnknownHostException: db.example.invalid)}.
     */
    static String of(Throwable failure) {
        Throwable root = failure;
        SQLException driverFailure = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (driverFailure == null && t instanceof SQLException sql) {
                driverFailure = sql;
            }
            root = t;
        }
        if (driverFailure == null || root == driverFailure || root instanceof SQLException) {
            return messageOf(driverFailure == null ? root : driverFailure);
        }
        return messageOf(driverFailure) + " (" + root.getClass().getSimpleName() + ": " + messageOf(root) + ")";
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }
}
