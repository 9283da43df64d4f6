package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.BenchmarkException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The PostgreSQL server the benchmark loads into, and what it does on it outside the timed work: creating and
 * dropping the fresh databases, checkpoints, row counts.
 *
 * @param host the host name or address, never null
 * @param port the TCP port, 1 to 65535
 * @param user the user; it must be allowed to create databases and, for the floor, to run server-side COPY
 *     (a superuser or a member of {@code pg_read_server_files}); never null
 * @param password the password, or null when the server trusts the user; never printed
 */
record PostgresServer(String host, int port, String user, String password) {

    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    PostgresServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--pg-port must be 1 to 65535, was " + port);
        }
    }

    /** The URL dbferry and pgloader take for one database: {@code postgresql://user@host:port/database}. */
    String url(String database) {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /**
     * Opens a connection to one database.
     *
     * @param database the database name, never null
     * @return an open connection in autocommit mode, owned by the caller
     * @throws BenchmarkException when the server cannot be reached or refuses the user
     */
    Connection connect(String database) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
        } catch (SQLException e) {
            throw new BenchmarkException("cannot connect to " + url(database) + ": " + e.getMessage()
                    + " (set --pg-host, --pg-port, --pg-user; a password comes from PGPASSWORD)", e);
        }
    }

    /** Drops the database if it exists, then creates it empty. */
    void recreateDatabase(String database) {
        dropDatabase(database);
        execute("postgres", "CREATE DATABASE " + SQL.render(DSL.name(database)));
    }

    /** Drops the database if it exists, ending its connections. */
    void dropDatabase(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS " + SQL.render(DSL.name(database)) + " WITH (FORCE)");
    }

    /**
     * Writes every dirty page to disk, so the WAL and dirty buffers of one run do not slow the next
     * (PostgreSQL docs, CHECKPOINT).
     */
    void checkpoint() {
        execute("postgres", "CHECKPOINT");
    }

    /**
     * The rows of a table in the public schema.
     *
     * @param database the database, never null
     * @param table the unquoted table name, never null
     * @return rows, ≥ 0
     */
    long countRows(String database, String table) {
        return queryLong(database, "SELECT count(*) FROM " + SQL.render(DSL.name("public", table)));
    }

    /** The server's version, e.g. {@code PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu…}. */
    String version() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw failure("reading the server version", e);
        }
    }

    /**
     * Server settings as {@code name=value}, e.g. {@code shared_buffers=128MB, max_wal_size=1GB}.
     *
     * @param names setting names, never null
     * @return never null
     */
    String settings(List<String> names) {
        try (Connection connection = connect("postgres");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name || '=' || current_setting(name) FROM unnest(?::text[]) AS s(name)")) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            List<String> settings = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    settings.add(result.getString(1));
                }
            }
            return String.join(", ", settings);
        } catch (SQLException e) {
            throw failure("reading the server settings", e);
        }
    }

    private long queryLong(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failure(sql + " in " + database, e);
        }
    }

    private void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private BenchmarkException failure(String what, SQLException e) {
        return new BenchmarkException("failed " + what + " on " + url("") + ": " + e.getMessage(), e);
    }
}
