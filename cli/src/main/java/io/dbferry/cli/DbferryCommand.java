package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.verify.VerificationException;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code dbferry} entry point: dispatches to the subcommands and turns failures into one-line messages
 * and exit codes (see {@link ExitCodes}).
 */
@Command(name = "dbferry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Moves a database from SQLite to PostgreSQL with its schema, data, keys and indexes, "
                + "and proves nothing was lost.", ""},
        subcommands = {MigrateCommand.class, SyncCommand.class, CompareCommand.class, PlanCommand.class,
            VerifyCommand.class, InspectCommand.class,
            CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP_SECTION)
public final class DbferryCommand implements Runnable {

    /** Failures of what the user wrote rather than of the databases: exit code 2, like picocli's own. */
    private static final Set<ErrorCode> USAGE_ERRORS = Set.of(ErrorCode.INVALID_CAST_RULE,
            ErrorCode.CAST_RULE_UNMATCHED, ErrorCode.INVALID_OPTION);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs dbferry and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // jOOQ's banner and tips are for jOOQ users, not for people migrating a database.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        ArchiveMark.dropIfStale();
        CommandLine commandLine = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        int exitCode = commandLine.execute(args);
        ArchiveMark.leaveIfComplete(exitCode, commandLine.getParseResult());
        System.exit(exitCode);
    }

    /**
     * Runs dbferry without exiting, for tests and embedding.
     *
     * @param args the command line, never null
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs dbferry without exiting, writing to the given streams.
     *
     * @param out where results go (JSON summaries, inspect output), never null
     * @param err where messages for people go (progress, errors), never null
     * @param args the command line, never null
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /**
     * dbferry's command line, configured as every run uses it.
     *
     * @param out where results go, never null
     * @param err where messages for people go, never null
     * @return a new command line, never null
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new CommandLine(new DbferryCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(DbferryCommand::handle);
    }

    /** Without a subcommand: print the usage and fail as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }

    private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
        String code = e instanceof DbferryException d ? " [" + d.code() + "]" : "";
        err.println("dbferry: error: " + oneLine(e) + code);
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof DbferryException)) {
            err.println("dbferry: run again with --verbose to see the stack trace");
        }
        err.flush();
        return exitCode(e);
    }

    private static int exitCode(Exception e) {
        return switch (e) {
            case VerificationException v -> ExitCodes.VERIFICATION_MISMATCH;
            case DbferryException d when d.code() == ErrorCode.SYNC_LOCKED -> ExitCodes.SYNC_LOCKED;
            case DbferryException d when USAGE_ERRORS.contains(d.code()) -> ExitCodes.USAGE;
            default -> ExitCodes.FAILURE;
        };
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
