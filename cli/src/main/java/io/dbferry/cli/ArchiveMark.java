package io.dbferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ParseResult;

/**
 * Tells the launcher {@code bin/dbferry} that this run's class-data-sharing archive is worth keeping. The JVM
 * writes the archive when the process exits, with the classes the run loaded: a run that failed early (a wrong
 * URL, a missing file) or only printed its help loaded few of its command's, and later runs of the command would
 * start no faster than without an archive (a small verify: 1.66–1.80 s after a failed first run, 1.04 s after a
 * complete one; benchmarks/RESULTS.md). So the launcher names a mark file in the system property
 * {@value #PROPERTY}, and keeps an archive only where the mark exists: it is left by a run whose command did its
 * work — exit code {@link ExitCodes#OK}, {@link ExitCodes#VERIFICATION_MISMATCH} or
 * {@link ExitCodes#COMPLETED_WITH_REJECTS}, and no {@code --help} or {@code --version}.
 */
final class ArchiveMark {

    /** The system property through which the launcher names the mark file. */
    static final String PROPERTY = "dbferry.cds.complete";

    private ArchiveMark() {}

    /**
     * Leaves the mark file the launcher named, if any, when the run did its work; best effort: a mark that cannot
     * be written only makes the next run write the archive again.
     *
     * @param exitCode the run's exit code
     * @param parsed what picocli parsed, null when it parsed nothing
     */
    static void leaveIfComplete(int exitCode, ParseResult parsed) {
        String mark = System.getProperty(PROPERTY, "");
        if (mark.isEmpty() || !isComplete(exitCode, parsed)) {
            return;
        }
        try {
            Files.write(Path.of(mark), new byte[0]);
        } catch (IOException | RuntimeException e) {
            // the next run writes the archive again
        }
    }

    /**
     * Whether a run did its command's work.
     *
     * @param exitCode the run's exit code
     * @param parsed what picocli parsed, null when it parsed nothing
     * @return true for exit codes 0, 3 and 4 of a run that did not ask for help or the version
     */
    static boolean isComplete(int exitCode, ParseResult parsed) {
        boolean worked = exitCode == ExitCodes.OK || exitCode == ExitCodes.VERIFICATION_MISMATCH
                || exitCode == ExitCodes.COMPLETED_WITH_REJECTS;
        for (ParseResult p = parsed; worked && p != null; p = p.subcommand()) {
            worked = !p.isUsageHelpRequested() && !p.isVersionHelpRequested();
        }
        return worked && parsed != null;
    }
}
