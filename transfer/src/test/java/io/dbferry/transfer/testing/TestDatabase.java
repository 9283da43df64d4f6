package io.dbferry.transfer.testing;

import io.dbferry.transfer.connect.PostgresUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A database of its own for one test, on the server {@link TestPostgres} found; {@link #close()} drops it.
 * Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {

    private static final int FORCE_DROP_SINCE_MAJOR = 13;

    private final PostgresUrl adminUrl;
    private final String name;

    TestDatabase(PostgresUrl adminUrl, String name) {
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * This database, with the user and password of the test server.
     *
     * @return never null; its {@code toString()} is redacted
     */
    public PostgresUrl url() {
        return adminUrl.withDatabase(name);
    }

    /**
     * The database name, e.g. {@code dbferry_test_0123456789abcdef}.
     *
     * @return never null
     */
    public String name() {
        return name;
    }

    /**
     * Opens a plain pgjdbc connection ({@code DriverManager}, no pool) to this database.
     *
     * @return a new connection in auto-commit mode, never null; the caller closes it
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        return TestPostgres.connect(url());
    }

    /**
     * Drops the database, disconnecting whoever is still connected to it ({@code WITH (FORCE)} on
     * PostgreSQL 13 and later).
     *
     * @throws IllegalStateException when the database cannot be dropped
     */
    @Override
    public void close() {
        try (Connection admin = TestPostgres.connect(adminUrl)) {
            if (admin.getMetaData().getDatabaseMajorVersion() >= FORCE_DROP_SINCE_MAJOR) {
                execute(admin, "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            } else {
                terminateSessions(admin);
                execute(admin, "DROP DATABASE IF EXISTS " + quote(name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Returns the redacted URL. */
    @Override
    public String toString() {
        return url().redacted();
    }

    /** The name as a quoted PostgreSQL identifier. */
    static String quote(String identifier) {
        return DSL.using(SQLDialect.POSTGRES).render(DSL.name(identifier));
    }

    private void terminateSessions(Connection admin) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
