package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled sync stopped by SIGTERM ends through {@code Runtime.halt}, which skips the end of {@code main}: it
 * leaves the launcher's archive mark itself once a run synced ({@link ArchiveMark}), so that a service restarted
 * now and then keeps its class-data-sharing archive.
 */
class SyncStopArchiveMarkIT {

    @TempDir
    Path dir;

    @Test
    void aScheduledSyncStoppedAfterARunLeavesTheMark() throws Exception {
        Path source = dir.resolve("app.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, note TEXT, updated_at DATETIME)");
            s.execute("INSERT INTO item VALUES (1, 'a', '2024-01-01 10:00:00'), (2, 'b', '2024-01-01 11:00:00')");
        }
        Path mark = dir.resolve("dbferry-sync.jsa.complete");
        Path err = dir.resolve("err.txt");
        try (TestDatabase target = TestPostgres.freshDatabase()) {
            Process process = DbferryProcess.start(dir.resolve("out.txt"), err,
                    List.of("-D" + ArchiveMark.PROPERTY + "=" + mark),
                    List.of("sync", source.toString(), TargetArgument.of(target), "--every", "1h"));
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (process.isAlive() && !Files.readString(err).contains("upserted")) {
                    assertThat(System.nanoTime()).as("the first run ended: " + Files.readString(err))
                            .isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(mark).as("no mark while the sync runs").doesNotExist();
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).contains("dbferry: stopped");
            assertThat(mark).as("left by the stop hook").exists();
        }
    }
}
