package io.dbferry.transfer.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A SQLite file a test writes to and reads from, one connection per call; created by the first statement. */
public final class SqliteFile {

    private SqliteFile() {}

    /**
     * Runs statements on the file, in order, each in auto-commit.
     *
     * @param file the SQLite file, never null
     * @param statements SQL statements, never null
     * @throws SQLException when one fails
     */
    public static void run(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * The first column of the first row of a query, as text.
     *
     * @param file the SQLite file, never null
     * @param query a query returning at least one row, never null
     * @return the value, null for NULL
     * @throws SQLException when the query fails
     */
    public static String value(Path file, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
