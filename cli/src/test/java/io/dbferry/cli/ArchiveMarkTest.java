package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/**
 * Which runs leave the launcher's mark that their class-data-sharing archive is worth keeping: those whose
 * command did its work, not those that failed or printed help or the version.
 */
class ArchiveMarkTest {

    @Test
    void aRunThatDidItsWorkIsCompleteWhateverTheDifferencesOrRejectsItFound() {
        ParseResult verify = parse("verify", "a.sqlite", "postgresql://localhost/db");

        assertThat(ArchiveMark.isComplete(ExitCodes.OK, verify)).isTrue();
        assertThat(ArchiveMark.isComplete(ExitCodes.VERIFICATION_MISMATCH, verify)).isTrue();
        assertThat(ArchiveMark.isComplete(ExitCodes.COMPLETED_WITH_REJECTS, verify)).isTrue();
    }

    @Test
    void aRunThatFailedOrWasStoppedIsNot() {
        ParseResult verify = parse("verify", "a.sqlite", "postgresql://localhost/db");

        assertThat(ArchiveMark.isComplete(ExitCodes.FAILURE, verify)).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.USAGE, verify)).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.SYNC_LOCKED, verify)).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.INTERRUPTED, verify)).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.OK, null)).as("nothing parsed").isFalse();
    }

    @Test
    void aRunThatPrintedHelpOrTheVersionIsNot() {
        assertThat(ArchiveMark.isComplete(ExitCodes.OK, parse("verify", "--help"))).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.OK, parse("--help"))).isFalse();
        assertThat(ArchiveMark.isComplete(ExitCodes.OK, parse("--version"))).isFalse();
    }

    @Test
    void aMarkLeftUnderAnotherJarOrJvmIsDroppedWhenARunStarts(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("archive.jsa.complete");
        String before = System.getProperty(ArchiveMark.PROPERTY);
        System.setProperty(ArchiveMark.PROPERTY, mark.toString());
        try {
            ArchiveMark.leave();
            assertThat(mark).hasContent(ArchiveMark.identity().strip());
            ArchiveMark.dropIfStale();
            assertThat(mark).as("left under this jar and JVM").exists();

            Files.writeString(mark, ArchiveMark.identity().replace(System.getProperty("java.vm.version"), "21.0.1+12"));
            ArchiveMark.dropIfStale();
            assertThat(mark).as("left under another JVM version").doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(ArchiveMark.PROPERTY);
            } else {
                System.setProperty(ArchiveMark.PROPERTY, before);
            }
        }
    }

    @Test
    void withoutTheLauncherNothingIsWritten(@TempDir Path dir) throws Exception {
        System.clearProperty(ArchiveMark.PROPERTY);
        ArchiveMark.leave();
        ArchiveMark.dropIfStale();
        assertThat(dir).isEmptyDirectory();
    }

    private static ParseResult parse(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return DbferryCommand.commandLine(nowhere, nowhere).parseArgs(args);
    }
}
