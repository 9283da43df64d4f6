package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.SqliteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQLite file a PostgreSQL → SQLite migration writes: created when missing, else checked to be SQLite. During
 * the load the connection runs with relaxed durability — {@code PRAGMA journal_mode = OFF} and
 * {@code synchronous = OFF} (https://www.sqlite.org/pragma.html) — when the file is new, since a failed run leaves
 * nothing worth protecting; an existing file keeps its journal and gets {@code synchronous = NORMAL}, so a crash
 * cannot corrupt the tables already in it. {@link #finish()} restores the safe settings, {@code journal_mode = DELETE}
 * (SQLite's default: one file, no {@code -wal} beside it) and {@code synchronous = FULL}. Foreign keys are not
 * enforced during the load (tables are loaded one by one, in any order). Not thread-safe.
 */
final class SqliteTargetFile implements AutoCloseable {

    /** How the load trades durability for speed. */
    enum Durability {
        /** journal_mode OFF and synchronous OFF on a new file (the default). */
        RELAXED,
        /** journal_mode DELETE and synchronous FULL throughout: for measuring what RELAXED saves. */
        SAFE
    }

    private final Path path;
    private final boolean created;
    private final Connection connection;

    private SqliteTargetFile(Path path, boolean created, Connection connection) {
        this.path = path;
        this.created = created;
        this.connection = connection;
    }

    /**
     * Opens the file for writing, creating it when it does not exist.
     *
     * @param path the SQLite file, never null
     * @param durability the load's settings, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SOURCE_NOT_SQLITE} when an existing file is not SQLite;
     *     {@link ErrorCode#CONNECTION_FAILED} when it cannot be opened or created
     */
    static SqliteTargetFile open(Path path, Durability durability) {
        boolean created = !Files.exists(path);
        if (!created) {
            try {
                // Checks the header: never write into a file that is not SQLite.
                SqliteSource.openReadOnly(path).close();
            } catch (SQLException e) {
                throw new DbferryException(ErrorCode.CONNECTION_FAILED, "failed opening target " + path + ": "
                        + e.getMessage(), e);
            }
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
            SqliteTargetFile file = new SqliteTargetFile(path, created, connection);
            file.pragmas(created && durability == Durability.RELAXED
                    ? List.of("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF")
                    : List.of("PRAGMA synchronous = " + (durability == Durability.SAFE ? "FULL" : "NORMAL")));
            file.pragmas(List.of("PRAGMA foreign_keys = OFF"));
            connection.setAutoCommit(false);
            return file;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "failed " + (created ? "creating" : "opening")
                    + " target " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The open connection, not in auto-commit mode.
     *
     * @return never null
     */
    Connection connection() {
        return connection;
    }

    /**
     * Whether this run created the file.
     *
     * @return true for a new file
     */
    boolean created() {
        return created;
    }

    /**
     * The tables the file already has, SQLite's own ({@code sqlite_*}) left out.
     *
     * @return exact names, sorted, never null
     * @throws SQLException when the schema cannot be read
     */
    Set<String> tableNames() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_schema "
                        + "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Runs statements in one transaction.
     *
     * @param what what they do, for the message, e.g. {@code "creating the tables"}; never null
     * @param statements the statements, never null
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} naming the statement when one fails (all are
     *     rolled back)
     */
    void inTransaction(String what, List<String> statements) {
        String current = null;
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                current = sql;
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new DbferryException(ErrorCode.DDL_FAILED, "failed " + what + " in target " + path + " ("
                    + current + "): " + e.getMessage(), e);
        }
    }

    /**
     * Restores the safe settings at the end of a successful load: {@code journal_mode = DELETE},
     * {@code synchronous = FULL}.
     *
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when a setting cannot be changed
     */
    void finish() {
        try {
            connection.commit();
            pragmas(List.of("PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL"));
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed restoring journal_mode and synchronous of "
                    + path + ": " + e.getMessage(), e);
        }
    }

    private void pragmas(List<String> pragmas) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true); // journal_mode cannot change inside a transaction
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas) {
                statement.execute(pragma);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed closing target " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
