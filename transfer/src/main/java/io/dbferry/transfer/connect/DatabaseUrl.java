package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;

/**
 * Where a database is, as the user wrote it on the command line: an SQLite file, a PostgreSQL server, or the
 * embedded PostgreSQL server dbferry starts itself.
 *
 * <p>Accepted forms (see {@link #parse(String, String)}):
 * <ul>
 *   <li>{@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, or a bare path ending in {@code .db}, {@code .sqlite}
 *       or {@code .sqlite3};</li>
 *   <li>{@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE?PARAM=VALUE&…} and {@code postgres://…}, the libpq
 *       connection URI;</li>
 *   <li>{@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD&…}, the pgjdbc URL;</li>
 *   <li>{@code embedded}.</li>
 * </ul>
 */
public sealed interface DatabaseUrl permits SqliteUrl, PostgresUrl, EmbeddedPostgresUrl {

    /**
     * This URL in a form that is safe to print and log: never contains a password.
     *
     * @return never null
     */
    String redacted();

    /**
     * Parses a URL, taking the operating-system user of this JVM ({@code user.name}) as the default
     * PostgreSQL user, as libpq does.
     *
     * @param text the URL as the user typed it, never null
     * @return never null
     * @throws DbferryException with {@link io.dbferry.introspect.ErrorCode#INVALID_URL} when the text is
     *     none of the accepted forms; the message lists them and never contains a password
     * @see #parse(String, String)
     */
    static DatabaseUrl parse(String text) {
        return parse(text, System.getProperty("user.name", "postgres"));
    }

    /**
     * Parses a URL in one of the accepted forms.
     *
     * <p>For PostgreSQL URLs the defaults are libpq's
     * (<a href="https://www.postgresql.org/docs/current/libpq-connect.html">libpq §34.1</a>) except for the
     * host: host {@code localhost} (dbferry does not use Unix-domain sockets), port 5432, user
     * {@code defaultUser}, database the same as the user. Percent-encoding is decoded.
     *
     * <p>{@code sqlite://…} is rejected as ambiguous: some tools read {@code sqlite:///a.db} as the relative
     * path {@code a.db}, others as {@code /a.db}. Write {@code sqlite:a.db} or {@code sqlite:/abs/a.db}.
     * A {@code ~} is not expanded.
     *
     * @param text the URL as the user typed it, never null; surrounding white space is ignored
     * @param defaultUser the PostgreSQL user when the URL names none, never null
     * @return never null
     * @throws DbferryException with {@link io.dbferry.introspect.ErrorCode#INVALID_URL} when the text is
     *     none of the accepted forms; the message lists them and never contains a password
     */
    static DatabaseUrl parse(String text, String defaultUser) {
        return DatabaseUrlParser.parse(text, defaultUser);
    }
}
