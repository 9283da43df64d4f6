package io.dbferry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --password-file}: the PostgreSQL password from a file rather than the URL, for every command that connects
 * to PostgreSQL: the TARGET's, or the SOURCE's when the source is PostgreSQL and the target SQLite; with PostgreSQL on
 * both sides, both URLs use it.
 */
public final class PasswordFileOption {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the PostgreSQL password from the first line of FILE (keep it readable only by you): the "
                    + "target's, or the source's when the target is SQLite; both when both are PostgreSQL. "
                    + "Unlike a password in the URL, it shows neither in the process list nor in shell history. "
                    + "Without it: the URL, PGPASSWORD, then ~/.pgpass (or PGPASSFILE).")
    Path file;
}
