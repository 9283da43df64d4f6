package io.dbferry.cli;

/** The process exit codes, documented in {@code --help} and the README; scripts depend on them. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** The command failed; the message says why. */
    public static final int FAILURE = 1;
    /** The command line was wrong (unknown option, missing argument, invalid or unmatched cast rule). */
    public static final int USAGE = 2;
    /** Verification found source and target different (after migrate, or from verify). */
    public static final int VERIFICATION_MISMATCH = 3;
    /** compare found at least one error: the migration would fail or lose data (the same code as a mismatch). */
    public static final int INCOMPATIBLE = 3;

    /**
     * migrate completed, but rows were rejected (they are in the reject files the summary names), or schema
     * objects could not be translated and were left out (unless {@code --skip-untranslatable}).
     */
    public static final int COMPLETED_WITH_REJECTS = 4;
    /** The run was interrupted (Ctrl-C or SIGTERM); migrate --resume continues it. */
    public static final int INTERRUPTED = 130;
    /** sync: another sync holds the target schema's lock; this run did nothing (try again later). */
    public static final int SYNC_LOCKED = 5;

    /** The exit-code section shared by every command's {@code --help}. */
    static final String HELP_SECTION = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  failure (the message says what failed and what to do)%n"
            + "  2  usage error (unknown option, missing argument, invalid option value, bad or unmatched --cast)%n"
            + "  3  verification mismatch (source and target differ); for compare: errors found%n"
            + "  4  migrate completed with rejected rows (see the reject files the summary names), or with schema "
            + "objects it could not translate (unless --skip-untranslatable)%n"
            + "  130  migrate interrupted by Ctrl-C or SIGTERM (continue with --resume)%n";

    private ExitCodes() {}
}
