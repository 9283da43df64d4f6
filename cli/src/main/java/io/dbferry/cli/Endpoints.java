package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.EmbeddedPostgresServer;
import io.dbferry.transfer.connect.EmbeddedPostgresUrl;
import io.dbferry.transfer.connect.PostgresPasswords;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.connect.SqliteUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens the SOURCE and TARGET a command was given. */
final class Endpoints {

    private Endpoints() {}

    /**
     * Opens a SQLite source read-only.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a SQLite one
     */
    static Connection openSqliteSource(String text) {
        return SqliteSource.openReadOnly(sqlitePath(text));
    }

    /**
     * The file of a SQLite source, checked to be one by opening it read-only once.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a SQLite one, and as
     *     {@link SqliteSource#openReadOnly} when the file is missing or not SQLite
     */
    static Path checkedSqlitePath(String text) throws SQLException {
        Path path = sqlitePath(text);
        SqliteSource.openReadOnly(path).close();
        return path;
    }

    private static Path sqlitePath(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        if (!(url instanceof SqliteUrl sqlite)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "SOURCE must be a SQLite database (sqlite:PATH or a "
                    + "path ending in .db, .sqlite or .sqlite3), was " + url.redacted());
        }
        return sqlite.path();
    }

    /**
     * Opens a PostgreSQL target for a command that works on one connection at a time (two: one spare).
     *
     * @param passwordFile the {@code --password-file}, or null
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a PostgreSQL one
     */
    static Target openPostgresTarget(String text, Path passwordFile) {
        return openPostgresTarget(text, 2, passwordFile);
    }

    /**
     * Opens a PostgreSQL target, starting the embedded server first when the URL is {@code embedded}.
     *
     * @param connections the most connections the pool may open, ≥ 1
     * @param passwordFile the {@code --password-file}, or null
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a PostgreSQL one
     */
    static Target openPostgresTarget(String text, int connections, Path passwordFile) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        return switch (url) {
            case PostgresUrl postgres -> new Target(PostgresTarget.connect(withPassword(postgres, passwordFile),
                    connections), null);
            case EmbeddedPostgresUrl embedded -> {
                if (passwordFile != null) {
                    throw new DbferryException(ErrorCode.INVALID_OPTION, "--password-file is for a PostgreSQL "
                            + "server's URL; the embedded target needs none");
                }
                yield startEmbedded(connections);
            }
            default -> throw new DbferryException(ErrorCode.INVALID_URL, "TARGET must be PostgreSQL "
                    + "(postgresql://user@host:port/db, a jdbc:postgresql: URL, or embedded), was " + url.redacted());
        };
    }

    /**
     * Opens a PostgreSQL source: a pool of one connection (and one spare), only ever read.
     *
     * @param passwordFile the {@code --password-file}, or null
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a postgresql:// one
     */
    static Target openPostgresSource(String text, Path passwordFile) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        if (!(url instanceof PostgresUrl postgres)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "SOURCE must be a PostgreSQL URL "
                    + "(postgresql://user@host:port/db or a jdbc:postgresql: URL), was " + url.redacted());
        }
        return new Target(PostgresTarget.connect(withPassword(postgres, passwordFile), 2), null);
    }

    /**
     * Opens a SQLite target read-only, for commands that only read it.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a SQLite one, and as
     *     {@link SqliteSource#openReadOnly} when the file is missing or not SQLite
     */
    static Connection openSqliteTargetReadOnly(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        if (!(url instanceof SqliteUrl sqlite)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "TARGET must be a SQLite database (sqlite:PATH or a "
                    + "path ending in .db, .sqlite or .sqlite3), was " + url.redacted());
        }
        return SqliteSource.openReadOnly(sqlite.path());
    }

    /**
     * The URL with its password: from {@code --password-file} when given, else from the URL, {@code PGPASSWORD}
     * or the libpq password file.
     *
     * @param passwordFile the {@code --password-file}, or null
     */
    static PostgresUrl withPassword(PostgresUrl url, Path passwordFile) {
        if (passwordFile != null) {
            return PostgresPasswords.withPasswordFile(url, passwordFile);
        }
        return PostgresPasswords.resolve(url, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Target startEmbedded(int connections) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            return new Target(PostgresTarget.connect(server.url(), connections), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
