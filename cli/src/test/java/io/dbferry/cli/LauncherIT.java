package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/dbferry} as a user runs it: on the jar {@code package} built, with a class-data-sharing
 * archive per command in the cache directory, and stdout left to dbferry's results.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "dbferry");
    private static final Path JAR = Path.of("target", "dbferry.jar");

    @TempDir
    Path dir;

    /** A finished launcher run. */
    private record Run(int exitCode, String out, String err) {}

    @Test
    void writesOneArchivePerCommandOnTheFirstRunAndUsesItAfterwards() throws Exception {
        Path cache = dir.resolve("cache");

        Run first = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");
        Run again = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");
        Run help = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "sync", "--help");

        for (Run run : List.of(first, again)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).as("stdout holds dbferry's output only").hasSize(2)
                    .first().asString().startsWith("dbferry ");
            // A JVM may still print a one-line "VM warning" (e.g. when it cannot map the JDK's own archive at
            // random): allowed, on stderr; the archive's notes, one line per class, are not.
            assertThat(run.err()).as("the archive's notes must not reach the user").doesNotContain("[cds");
        }
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: dbferry sync");
        assertThat(archives(cache)).hasSize(2).allSatisfy(archive -> assertThat(Files.size(archive)).isPositive())
                .anySatisfy(archive -> assertThat(archive.getFileName().toString()).endsWith("-other.jsa"))
                .anySatisfy(archive -> assertThat(archive.getFileName().toString()).endsWith("-sync.jsa"));
    }

    @Test
    void keepsTheArchiveOnLaterRunsAndTakesPathsWithSpaces() throws Exception {
        Path cache = dir.resolve("cache with spaces");

        Run first = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");
        Path archive = archives(cache).getFirst();
        FileTime written = Files.getLastModifiedTime(archive);
        Run second = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");

        assertThat(List.of(first, second)).allSatisfy(run -> {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("dbferry ");
        });
        assertThat(archives(cache)).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).as("the second run used the archive").isEqualTo(written);
    }

    @Test
    void writesTheArchiveAgainUntilARunOfTheCommandDidItsWork() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        String chinook = Path.of("..", "samples", "chinook.sqlite").toAbsolutePath().toString();

        Run failed = launch(env, "inspect", dir.resolve("missing.sqlite").toString());
        Path archive = archives(cache).getFirst();
        Path mark = archive.resolveSibling(archive.getFileName() + ".complete");
        long failedSize = Files.size(archive);
        Run help = launch(env, "inspect", "--help");
        boolean markedAfterHelp = Files.exists(mark);
        Run worked = launch(env, "inspect", chinook);

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(markedAfterHelp).as("a run that printed its help leaves no mark").isFalse();
        assertThat(worked.exitCode()).as(worked.err()).isZero();
        assertThat(worked.out()).contains("Album");
        assertThat(mark).as("a run that did its work leaves the mark").exists();
        assertThat(Files.size(archive)).as("its archive holds the classes of a whole inspect")
                .isGreaterThan(2 * failedSize);

        FileTime written = Files.getLastModifiedTime(archive);
        Run again = launch(env, "inspect", chinook);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("a marked archive is kept").isEqualTo(written);
    }

    @Test
    void aChangedJarTakesTheMarkAwayUntilARunOfTheNewOneDidItsWork() throws Exception {
        // A copy of the jar whose modification time goes back, as a rollback that keeps an older file's time does:
        // the JVM rebuilds the archive from what the next run loads, so a failing run must leave no mark.
        Path jar = Files.copy(JAR, dir.resolve("dbferry.jar"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "DBFERRY_JAR", jar.toString());
        String chinook = Path.of("..", "samples", "chinook.sqlite").toAbsolutePath().toString();
        Run worked = launch(env, "inspect", chinook);
        Path archive = archives(cache).getFirst();
        Path mark = archive.resolveSibling(archive.getFileName() + ".complete");
        assertThat(worked.exitCode()).as(worked.err()).isZero();
        assertThat(mark).exists();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 86_400_000));
        Run failed = launch(env, "inspect", dir.resolve("missing.sqlite").toString());
        boolean markedAfterFailure = Files.exists(mark);
        Run workedAgain = launch(env, "inspect", chinook);

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(markedAfterFailure).as("the mark of the archive of the jar before").isFalse();
        assertThat(workedAgain.exitCode()).as(workedAgain.err()).isZero();
        assertThat(mark).as("left again by a run of the changed jar that did its work").exists();
        assertThat(Files.size(archive)).as("an archive of a whole inspect").isGreaterThan(10_000_000);
    }

    @Test
    void refusesAJdkOlderThan21WithAPlainMessage() throws Exception {
        Path oldJdk = Files.createDirectories(dir.resolve("jdk-17/bin")).getParent();
        Files.writeString(oldJdk.resolve("bin/java"), "#!/bin/sh\necho should not run\n");
        Files.writeString(oldJdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.15\"\n");
        oldJdk.resolve("bin/java").toFile().setExecutable(true);

        Run run = launch(Map.of("JAVA_HOME", oldJdk.toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("needs Java 21 or newer").contains("Java 17.0.15").contains("JAVA_HOME");
    }

    @Test
    void runsWithoutAnArchiveWhenTurnedOffOrWhenTheCacheCannotBeWrittenOrNamed() throws Exception {
        Path cache = dir.resolve("cache");
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path withColon = dir.resolve("cache:colon");

        Run off = launch(Map.of("XDG_CACHE_HOME", cache.toString(), "DBFERRY_CDS", "off"), "--version");
        Run unwritable = launch(Map.of("XDG_CACHE_HOME", notADirectory.toString()), "--version");
        Run colon = launch(Map.of("XDG_CACHE_HOME", withColon.toString()), "--version");

        for (Run run : List.of(off, unwritable, colon)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("dbferry ");
        }
        assertThat(cache).doesNotExist();
        assertThat(withColon).as("a path the JVM would split at its ':' is not used").doesNotExist();
    }

    @Test
    void saysWhereItLookedWhenThereIsNoJar() throws Exception {
        Run run = launch(Map.of("DBFERRY_JAR", dir.resolve("missing.jar").toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot find dbferry.jar").contains("missing.jar").contains("DBFERRY_JAR");
    }

    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DBFERRY_JAR", JAR.toAbsolutePath().toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("dbferry"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
