package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the password for a PostgreSQL URL where libpq would: in the URL, in {@code PGPASSWORD}, or in the
 * password file. Stateless and thread-safe.
 */
public final class PostgresPasswords {

    /** The environment variable holding a password. */
    public static final String PASSWORD_VARIABLE = "PGPASSWORD";
    /** The environment variable naming the password file. */
    public static final String PASSFILE_VARIABLE = "PGPASSFILE";
    /** The password file's name in the home directory. */
    public static final String DEFAULT_PASSFILE = ".pgpass";

    private PostgresPasswords() {
    }

    /**
     * Returns the URL with its password filled in from the first of: the URL itself; the environment
     * variable {@code PGPASSWORD}; the password file, which is the URL's {@code passfile} parameter, else
     * {@code PGPASSFILE}, else {@code homeDir/.pgpass}.
     *
     * <p>The password file follows libpq's rules
     * (<a href="https://www.postgresql.org/docs/current/libpq-pgpass.html">libpq §34.16</a>): lines
     * {@code hostname:port:database:username:password}, {@code *} matching anything in the first four fields,
     * {@code \:} and {@code \\} escapes, {@code #} comments, first matching line wins. An empty password counts
     * as none, as in libpq. A missing or unreadable file is skipped, as in libpq; unlike libpq, a file that
     * others may read is not ignored (library code has no way to print libpq's warning).
     *
     * @param url the URL, never null
     * @param env the environment (e.g. {@code System.getenv()}), never null
     * @param homeDir the user's home directory, never null
     * @return the URL with a password, or {@code url} itself when it has one or none is found (trust or peer
     *     authentication needs none); never null
     * @throws DbferryException with {@code CONNECTION_FAILED} when the password file exists and is readable
     *     but reading it fails
     */
    public static PostgresUrl resolve(PostgresUrl url, Map<String, String> env, Path homeDir) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(homeDir, "homeDir");
        if (url.password() != null) {
            return url;
        }
        String fromEnvironment = env.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return url.withPassword(fromEnvironment);
        }
        return PasswordFile.lookup(passfile(url, env, homeDir), url).map(url::withPassword).orElse(url);
    }

    /**
     * Returns the URL with the password held in a file ({@code --password-file}): the file's first line, without
     * its line end. Unlike a password in the URL, it shows neither in the process list nor in the shell's history.
     *
     * @param url the URL, never null; it must not hold a password itself
     * @param file the file, never null
     * @return the URL with the file's password, never null
     * @throws DbferryException with {@code INVALID_OPTION} when the URL has a password too, or the file cannot be
     *     read, or its first line is empty; the message names the file, never its content
     */
    public static PostgresUrl withPasswordFile(PostgresUrl url, Path file) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        if (url.password() != null) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "the URL " + url.redacted() + " has a password and "
                    + "--password-file names another: give it once, preferably in the file (a URL shows in the process list)");
        }
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text"
                    : e.getClass().getSimpleName();
            throw new DbferryException(ErrorCode.INVALID_OPTION, "cannot read the --password-file " + file + ": "
                    + why + "; it must be a readable file whose first line is the password", e);
        }
        String password = text.lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "the --password-file " + file + " is empty: its "
                    + "first line must be the password");
        }
        return url.withPassword(password);
    }

    private static Path passfile(PostgresUrl url, Map<String, String> env, Path homeDir) {
        String fromUrl = url.parameters().get("passfile");
        if (fromUrl != null && !fromUrl.isEmpty()) {
            return Path.of(fromUrl);
        }
        String fromEnvironment = env.get(PASSFILE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Path.of(fromEnvironment);
        }
        return homeDir.resolve(DEFAULT_PASSFILE);
    }
}
