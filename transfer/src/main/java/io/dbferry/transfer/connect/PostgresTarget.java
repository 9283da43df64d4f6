package io.dbferry.transfer.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pool of connections to the PostgreSQL target (HikariCP, pool name {@value #POOL_NAME}).
 *
 * <p>The password reaches pgjdbc only: the pool is given a pgjdbc {@link DataSource} rather than a URL, user
 * and password, so none of HikariCP's log lines (its configuration dump at DEBUG included) can show it.
 * Thread-safe. Close it to close every connection.
 */
public final class PostgresTarget implements AutoCloseable {

    /** The HikariCP pool name, as it appears in HikariCP's log lines and thread names. */
    public static final String POOL_NAME = "dbferry-target";

    /** How long {@link #connection()} and the first connection may take, in milliseconds. */
    public static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    /** What to do about a failed connection, by SQLSTATE (PostgreSQL manual, Appendix A). */
    private static final Map<String, String> HINTS = Map.of(
            "28P01", "; check the password (in the URL, PGPASSWORD or the password file ~/.pgpass)",
            "28000", "; check the user name and the server's pg_hba.conf",
            "3D000", "; create the database first or name an existing one");

    private final HikariDataSource pool;
    private final PostgresUrl url;

    private PostgresTarget(HikariDataSource pool, PostgresUrl url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Creates the pool and checks that the target answers, failing at once (within
     * {@link #CONNECTION_TIMEOUT_MILLIS}) when it cannot be reached or refuses the credentials.
     *
     * @param url the target, with its password already resolved (see {@link PostgresPasswords}), never null
     * @param maxConnections the most connections the pool opens, ≥ 1; it opens one at once and the others
     *     as they are borrowed
     * @return an open pool, never null; the caller closes it
     * @throws IllegalArgumentException when {@code maxConnections} is less than 1
     * @throws DbferryException with {@code CONNECTION_FAILED} when no connection can be opened; the message
     *     names the target in its redacted form and the driver's reason
     */
    public static PostgresTarget connect(PostgresUrl url, int maxConnections) {
        Objects.requireNonNull(url, "url");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be ≥ 1, was " + maxConnections);
        }
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(poolConfig(url, maxConnections));
            validate(pool);
            return new PostgresTarget(pool, url);
        } catch (HikariPool.PoolInitializationException | SQLException e) {
            if (pool != null) {
                pool.close();
            }
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot connect to target " + url.redacted() + ": " + CauseDescription.of(e) + hint(e), e);
        }
    }

    /**
     * Borrows a connection from the pool; closing it returns it.
     *
     * @return never null; in auto-commit mode; not thread-safe
     * @throws DbferryException with {@code CONNECTION_FAILED} when none is free or can be opened within
     *     {@link #CONNECTION_TIMEOUT_MILLIS} (the message says how many are in use)
     */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot get a connection to target " + url.redacted() + ": " + CauseDescription.of(e), e);
        }
    }

    /**
     * The pool as a {@link DataSource}, for code that wants one (e.g. jOOQ).
     *
     * @return never null; thread-safe; do not close it, close this target
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * The target this pool connects to.
     *
     * @return never null; its {@code toString()} is redacted
     */
    public PostgresUrl url() {
        return url;
    }

    /** Closes the pool and every connection in it; borrowed connections are closed when returned. */
    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(PostgresUrl url, int maxConnections) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setDataSource(pgjdbcDataSource(url));
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // HikariCP tries the first connection once, for at most this long, then throws: no silent retries.
        config.setInitializationFailTimeout(1);
        return config;
    }

    /** The pgjdbc data source the pool opens connections with: the URL's parameters (TLS ones included) and secrets. */
    static PGSimpleDataSource pgjdbcDataSource(PostgresUrl url) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        for (String name : url.jdbcCredentials().stringPropertyNames()) {
            dataSource.setProperty(name, url.jdbcCredentials().getProperty(name));
        }
        return dataSource;
    }

    private static String hint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return HINTS.getOrDefault(sql.getSQLState(), "");
            }
        }
        return "";
    }

    private static void validate(HikariDataSource pool) throws SQLException {
        int seconds = (int) TimeUnit.MILLISECONDS.toSeconds(CONNECTION_TIMEOUT_MILLIS);
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(seconds)) {
                throw new SQLException("the server did not answer a validation query within " + seconds + " s");
            }
        }
    }
}
