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

/** Opens the SOURCE and TARGET a command was given. */
final class Endpoints {

    /** Connections a single-threaded migration needs: one for the work, one spare for verification. */
    static final int TARGET_CONNECTIONS = 2;

    private Endpoints() {}

    /**
     * Opens a SQLite source read-only.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a SQLite one
     */
    static Connection openSqliteSource(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        if (!(url instanceof SqliteUrl sqlite)) {
            throw new DbferryException(ErrorCode.INVALID_URL, "SOURCE must be a SQLite database (sqlite:PATH or a "
                    + "path ending in .db, .sqlite or .sqlite3), was " + url.redacted());
        }
        return SqliteSource.openReadOnly(sqlite.path());
    }

    /**
     * Opens a PostgreSQL target, starting the embedded server first when the URL is {@code embedded}.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} when the URL is not a PostgreSQL one
     */
    static Target openPostgresTarget(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        return switch (url) {
            case PostgresUrl postgres -> new Target(PostgresTarget.connect(withPassword(postgres), TARGET_CONNECTIONS),
                    null);
            case EmbeddedPostgresUrl embedded -> startEmbedded();
            default -> throw new DbferryException(ErrorCode.INVALID_URL, "TARGET must be PostgreSQL "
                    + "(postgresql://user@host:port/db, a jdbc:postgresql: URL, or embedded), was " + url.redacted());
        };
    }

    static PostgresUrl withPassword(PostgresUrl url) {
        return PostgresPasswords.resolve(url, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Target startEmbedded() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            return new Target(PostgresTarget.connect(server.url(), TARGET_CONNECTIONS), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
