package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The session-level advisory lock that keeps two syncs off one target schema at once
 * (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS). It is held by a connection of
 * its own for the whole sync; the server releases it when that connection closes, also when the process dies.
 */
public final class SyncLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private SyncLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock of a target schema without waiting.
     *
     * @param target the target pool; one connection is held until {@link #close()}; never null
     * @param targetSchema the target schema, never null
     * @return the held lock, never null
     * @throws DbferryException with {@link ErrorCode#SYNC_LOCKED} when another session holds it,
     *     {@link ErrorCode#CONNECTION_FAILED} when the target cannot be reached
     */
    public static SyncLock acquire(DataSource target, String targetSchema) {
        long key = key(targetSchema);
        Connection connection = null;
        try {
            connection = target.getConnection();
            connection.setAutoCommit(true);
            if (!tryLock(connection, key)) {
                throw new DbferryException(ErrorCode.SYNC_LOCKED, "another dbferry sync is running against schema \""
                        + targetSchema + "\" of this target (advisory lock " + key + " is held); this run did "
                        + "nothing. Wait for it to finish, or schedule syncs further apart");
            }
            return new SyncLock(connection, key);
        } catch (SQLException e) {
            close(connection);
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "cannot take the sync lock on the target: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    /**
     * The lock key of a target schema: the first 8 bytes of SHA-256 of {@code "dbferry sync " + schema}, the
     * same in every dbferry version.
     *
     * @param targetSchema the target schema, never null
     * @return the key
     */
    public static long key(String targetSchema) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("dbferry sync " + targetSchema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Releases the lock and returns the connection to the pool. */
    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            // The lock is released anyway when the session ends, which closing the connection below may do.
        } finally {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to do: a connection that cannot be closed releases its locks when the server drops it.
        }
    }
}
