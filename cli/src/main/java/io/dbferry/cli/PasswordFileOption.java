package io.dbferry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --password-file}: the TARGET's password from a file rather than the URL, for every command with a TARGET. */
public final class PasswordFileOption {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the target's password from the first line of FILE (keep it readable only by you). "
                    + "Unlike a password in the URL, it shows neither in the process list nor in shell history. "
                    + "Without it: the URL, PGPASSWORD, then ~/.pgpass (or PGPASSFILE).")
    Path file;
}
