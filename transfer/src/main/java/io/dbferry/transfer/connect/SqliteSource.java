package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.read.sqlitefile.DatabaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens the SQLite source so that it cannot be changed or created: dbferry only ever reads the source.
 * Stateless and thread-safe.
 */
public final class SqliteSource {

    /** The first 16 bytes of every SQLite 3 database (https://www.sqlite.org/fileformat.html §1.3). */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteSource() {
    }

    /**
     * Opens an existing SQLite database read-only.
     *
     * <p>The file is opened with {@code SQLITE_OPEN_READONLY} and without {@code SQLITE_OPEN_CREATE}, so every
     * write fails with {@code SQLITE_READONLY} and a missing file is never created. {@code PRAGMA query_only}
     * is not set: it would add nothing to a read-only open. For a database in WAL mode, SQLite may still
     * create the {@code -wal} and {@code -shm} files next to it; the database file itself is never written.
     *
     * @param path the database file, never null
     * @return a new connection, never null; the caller closes it; not thread-safe
     * @throws DbferryException with {@code SOURCE_NOT_FOUND} when the path does not exist, is a directory or
     *     is not a regular file; with {@code SOURCE_NOT_SQLITE} when the file does not start with the SQLite
     *     header (an empty file included); with {@code CONNECTION_FAILED} when the file cannot be read or
     *     opened
     */
    public static Connection openReadOnly(Path path) {
        Objects.requireNonNull(path, "path");
        Path file = path.toAbsolutePath().normalize();
        requireRegularFile(file);
        requireSqliteHeader(file);
        Connection connection = open(file);
        try {
            probe(connection, file);
            return connection;
        } catch (DbferryException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private static void requireRegularFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_FOUND, "source database not found: " + file
                    + " is a directory; name the SQLite file inside it");
        }
        if (!Files.exists(file)) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_FOUND, "source database not found: " + file
                    + " does not exist (the source is opened read-only and never created); check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_FOUND, "source database not found: " + file
                    + " is not a regular file");
        }
    }

    private static void requireSqliteHeader(Path file) {
        byte[] start;
        try {
            // not Files.newInputStream: closing a stream on the file would drop the SQLite locks this process holds
            // on it (https://www.sqlite.org/howtocorrupt.html §2.2), e.g. another worker connection's read lock
            start = DatabaseFile.start(file, HEADER.length);
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot read source database " + file + ": " + e.getMessage(), e);
        }
        if (start.length == 0) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_SQLITE,
                    file + " is not an SQLite database (the file is empty)");
        }
        if (!Arrays.equals(start, HEADER)) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_SQLITE, file + " is not an SQLite database "
                    + "(it does not start with the SQLite 3 header \"SQLite format 3\")");
        }
    }

    private static Connection open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true); // SQLITE_OPEN_READONLY, and clears SQLITE_OPEN_READWRITE and _CREATE
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        // A file: URI, because sqlite-jdbc cuts a plain file name at its first '?' to read parameters.
        String url = "jdbc:sqlite:" + file.toUri();
        try {
            return config.createConnection(url);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot open source database " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /** Reads the schema once, so that a damaged file fails here rather than in the middle of a migration. */
    private static void probe(Connection connection, Path file) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rows.next();
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw new DbferryException(ErrorCode.SOURCE_NOT_SQLITE,
                        file + " is not an SQLite database (" + e.getMessage() + ")", e);
            }
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot read source database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(Connection connection, DbferryException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The database's text encoding, {@code PRAGMA encoding} (https://www.sqlite.org/pragma.html#pragma_encoding):
     * {@code UTF-8}, {@code UTF-16le} or {@code UTF-16be}. In a UTF-16 database the driver's {@code getBytes} of a
     * TEXT value returns its UTF-16 bytes, unless the value was read as text before; and SQLite's BINARY collation
     * compares UTF-16 bytes, which is not code-point order.
     *
     * @param sqlite an open SQLite connection, never null
     * @return never null
     * @throws SQLException when the pragma fails
     */
    public static String encoding(Connection sqlite) throws SQLException {
        try (Statement statement = sqlite.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA encoding")) {
            return rows.next() ? rows.getString(1) : "UTF-8";
        }
    }

    /**
     * Whether the database stores text as UTF-16 ({@link #encoding}).
     *
     * @param sqlite an open SQLite connection, never null
     * @throws SQLException when the pragma fails
     */
    public static boolean isUtf16(Connection sqlite) throws SQLException {
        return !"UTF-8".equalsIgnoreCase(encoding(sqlite));
    }
}
