package io.dbferry.transfer.verify;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens one more connection to one side of a verification, for a worker of its own; the {@link Verifier}
 * closes what it opens. For the source, a read-only SQLite connection
 * ({@code io.dbferry.transfer.connect.SqliteSource#openReadOnly}); for the target, one from the target's pool.
 */
@FunctionalInterface
public interface ConnectionOpener {

    /**
     * Opens a connection.
     *
     * @return an open connection, never null
     * @throws SQLException when the database cannot be reached
     */
    Connection open() throws SQLException;
}
