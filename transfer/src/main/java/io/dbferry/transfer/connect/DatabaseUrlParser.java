package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Tells the accepted URL forms apart and reads the SQLite ones; {@link PostgresUrlParser} reads the rest. */
final class DatabaseUrlParser {

    /** The accepted forms, for error messages: one line, as the CLI prints messages on one line. */
    static final String ACCEPTED_FORMS = "use sqlite:PATH (e.g. sqlite:data/app.db), a path ending in .db, "
            + ".sqlite or .sqlite3 (e.g. data/app.sqlite), jdbc:sqlite:PATH, "
            + "postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE "
            + "(e.g. postgresql://app@db.example.com:5432/shop?sslmode=require; postgres:// works too), "
            + "jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD, or embedded";

    private static final List<String> SQLITE_EXTENSIONS = List.of(".db", ".sqlite", ".sqlite3");
    private static final String SQLITE = "sqlite:";
    private static final String JDBC_SQLITE = "jdbc:sqlite:";

    private DatabaseUrlParser() {
    }

    static DatabaseUrl parse(String text, String defaultUser) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(defaultUser, "defaultUser");
        String url = text.strip();
        if (url.equals(EmbeddedPostgresUrl.TEXT)) {
            return new EmbeddedPostgresUrl();
        }
        if (PostgresUrlParser.accepts(url)) {
            return PostgresUrlParser.parse(url, defaultUser);
        }
        if (startsWithIgnoreCase(url, JDBC_SQLITE)) {
            return jdbcSqlite(url.substring(JDBC_SQLITE.length()));
        }
        if (startsWithIgnoreCase(url, SQLITE)) {
            return sqlite(url.substring(SQLITE.length()));
        }
        if (hasSqliteExtension(url)) {
            return new SqliteUrl(path(url));
        }
        throw invalid("unsupported database URL " + sketch(url) + "; " + ACCEPTED_FORMS);
    }

    private static SqliteUrl sqlite(String rest) {
        if (rest.startsWith("//")) {
            // SQLAlchemy reads sqlite:///a.db as the relative path a.db, RFC 8089 reads it as /a.db.
            throw invalid("sqlite://… is ambiguous (is sqlite:///a.db the file a.db or /a.db?): "
                    + "write sqlite:relative/path.db or sqlite:/absolute/path.db");
        }
        return new SqliteUrl(path(rest));
    }

    private static SqliteUrl jdbcSqlite(String rest) {
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory")) {
            throw invalid("an in-memory SQLite database (jdbc:sqlite::memory:) has nothing to migrate: "
                    + "name a file, e.g. jdbc:sqlite:data/app.db");
        }
        if (rest.startsWith("file:") || rest.contains("?")) {
            // sqlite-jdbc reads "?" as the start of connection parameters, so the file name would be cut.
            throw invalid("jdbc:sqlite: URLs with file: URIs or ?parameters are not supported: "
                    + "write jdbc:sqlite:PATH, or sqlite:PATH when the file name itself contains '?'");
        }
        return new SqliteUrl(path(rest));
    }

    private static Path path(String text) {
        if (text.isEmpty()) {
            throw invalid("the SQLite URL names no file: write sqlite:PATH, e.g. sqlite:data/app.db");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new DbferryException(ErrorCode.INVALID_URL,
                    "invalid SQLite file name " + sketch(text) + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasSqliteExtension(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return SQLITE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The input for a message: only its scheme when it might hold a password. */
    static String sketch(String text) {
        boolean mayHoldSecret = text.contains("@") || text.toLowerCase(Locale.ROOT).contains("password");
        if (!mayHoldSecret) {
            return '"' + text + '"';
        }
        int colon = text.indexOf(':');
        return colon < 0 ? "(not shown: it may contain a password)" : '"' + text.substring(0, colon + 1) + "…\"";
    }

    private static DbferryException invalid(String message) {
        return new DbferryException(ErrorCode.INVALID_URL, message);
    }
}
