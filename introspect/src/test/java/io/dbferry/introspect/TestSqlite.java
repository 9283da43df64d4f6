package io.dbferry.introspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens the SQLite databases the introspect tests read: an in-memory fixture, or the Chinook sample. */
public final class TestSqlite {

    /** The Chinook sample, relative to the module directory Surefire runs in. */
    public static final Path CHINOOK = Path.of("../samples/chinook.sqlite");

    private TestSqlite() {}

    /**
     * A private in-memory database holding what the given statements create.
     *
     * @param statements DDL (or DML) run in order, each one statement
     * @return an open connection, closed by the caller (which drops the database)
     * @throws SQLException when a statement fails
     */
    public static Connection fixture(String... statements) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * The Chinook sample, opened read-only so no test can change it.
     *
     * @return an open connection, closed by the caller
     * @throws SQLException when the file cannot be opened
     */
    public static Connection chinook() throws SQLException {
        if (!Files.isRegularFile(CHINOOK)) {
            throw new IllegalStateException("Chinook sample not found at " + CHINOOK.toAbsolutePath());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + CHINOOK);
    }
}
