package io.dbferry.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} option every command shares; read by the error handler in {@link DbferryCommand}. */
public final class VerboseOption {

    @Option(names = "--verbose", description = "On failure, print the full stack trace after the message.")
    boolean verbose;
}
