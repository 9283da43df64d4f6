package io.dbferry.cli;

import java.io.IOException;
import java.net.URISyntaxException;
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
 * {@link ExitCodes#COMPLETED_WITH_REJECTS}, and no {@code --help} or {@code --version} — or by a scheduled sync
 * that was stopped after a run.
 *
 * <p>The mark holds what the JVM checks an archive against — the jar's size and modification time, the JVM's
 * home and version — as they were when it was left. A run that finds them changed (an upgrade, a rollback that
 * kept an older modification time, another JDK at the same path) removes the mark when it starts, as the JVM
 * then writes the archive anew from whatever this run loads: should the run fail, the launcher writes it again
 * next time. The launcher keeps the archives of different JDKs and JVM options apart by their file names.
 */
final class ArchiveMark {

    /** The system property through which the launcher names the mark file. */
    static final String PROPERTY = "dbferry.cds.complete";

    /** Whether {@link #dropIfStale()} found the mark left under this jar and JVM: {@link #leave()} has nothing to do. */
    private static volatile boolean current;

    private ArchiveMark() {}

    /**
     * Removes the mark the launcher named, if any, when it was left under another jar or JVM than this run's;
     * best effort.
     */
    static void dropIfStale() {
        Path mark = mark();
        if (mark == null) {
            return;
        }
        try {
            if (Files.exists(mark)) {
                current = Files.readString(mark).equals(identity());
                if (!current) {
                    Files.delete(mark);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a mark that cannot be read or removed: the JVM still checks the archive it vouches for
        }
    }

    /** Leaves the mark the launcher named, if any, for a run that did its work; best effort. */
    static void leave() {
        Path mark = mark();
        if (mark == null || current) {
            return;
        }
        try {
            Files.writeString(mark, identity());
            current = true;
        } catch (IOException | RuntimeException e) {
            // the next run writes the archive again
        }
    }

    /**
     * Leaves the mark file the launcher named, if any, when the run did its work; best effort: a mark that cannot
     * be written only makes the next run write the archive again.
     *
     * @param exitCode the run's exit code
     * @param parsed what picocli parsed, null when it parsed nothing
     */
    static void leaveIfComplete(int exitCode, ParseResult parsed) {
        if (isComplete(exitCode, parsed)) {
            leave();
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

    private static Path mark() {
        String mark = System.getProperty(PROPERTY, "");
        return mark.isEmpty() ? null : Path.of(mark);
    }

    /**
     * What the JVM checks an archive against, one line: the jar's path, size and modification time (ms), the JVM's
     * home and version.
     *
     * @throws IOException when the jar's path cannot be told or the jar cannot be read
     * @throws RuntimeException when this class was not loaded from a file (never from the launcher's jar)
     */
    static String identity() throws IOException {
        Path jar;
        try {
            jar = Path.of(ArchiveMark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where dbferry's jar is: " + e.getMessage(), e);
        }
        return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + System.getProperty("java.home") + " " + System.getProperty("java.vm.version") + "\n";
    }
}
