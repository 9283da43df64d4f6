package io.dbferry.cli;

import io.dbferry.transfer.connect.EmbeddedPostgresServer;
import io.dbferry.transfer.connect.PostgresTarget;

/**
 * An open PostgreSQL target: a connection pool, and the embedded server behind it when the TARGET was
 * {@code embedded}. Closing it closes the pool, then stops the server.
 *
 * @param pool the target's connection pool, never null
 * @param server the embedded server, null for a real server
 */
record Target(PostgresTarget pool, EmbeddedPostgresServer server) implements AutoCloseable {

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
