package io.dbferry.transfer.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A read transaction on a SQLite connection, begun and its read lock taken at once: from {@link #begin} to
 * {@link #close} the database file's pages do not change — in rollback-journal mode a writer needs the EXCLUSIVE
 * lock to write them, which waits for this SHARED one (https://www.sqlite.org/lockingv3.html §3); in WAL mode
 * writers append to the WAL, and a checkpoint copies nothing back into the file past this reader's snapshot
 * (https://www.sqlite.org/wal.html §2.2). What lets {@link PageDigests} read the file's pages itself. On a
 * connection already in a transaction (auto-commit off) the read joins that transaction, which is left open.
 */
final class ReadTransaction implements AutoCloseable {

    private final Connection connection;
    private final boolean autoCommit;

    private ReadTransaction(Connection connection, boolean autoCommit) {
        this.connection = connection;
        this.autoCommit = autoCommit;
    }

    /**
     * Begins the transaction and reads the schema, which takes the read lock until {@link #close}.
     *
     * @param connection a sqlite-jdbc connection, never null
     * @return never null; the caller closes it
     * @throws SQLException when SQLite cannot begin it or read (the lock is not held then)
     */
    static ReadTransaction begin(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // sqlite-jdbc runs BEGIN (deferred: no lock yet)
        }
        ReadTransaction transaction = new ReadTransaction(connection, autoCommit);
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from sqlite_schema").close(); // the first read takes the lock
        } catch (SQLException | RuntimeException e) {
            try {
                transaction.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return transaction;
    }

    /**
     * Ends the transaction begun, which lets the read lock go, and turns auto-commit back on; a transaction the
     * connection was already in is left open.
     *
     * @throws SQLException when SQLite cannot end it
     */
    @Override
    public void close() throws SQLException {
        if (autoCommit) {
            connection.setAutoCommit(true); // sqlite-jdbc commits when auto-commit goes back on
        }
    }
}
