package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running {@code dbferry migrate} (a separate JVM): exit code 130, one line naming --resume, the
 * run recorded as interrupted, and {@code --resume} then loads every row exactly once.
 */
class MigrateInterruptIT {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.freshDatabase();
        source = dir.resolve("big.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO big SELECT i, 'name ' || i FROM n");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void sigtermRollsBackExitsWith130AndResumeFinishesTheLoad() throws Exception {
        String target = TargetArgument.of(database);
        Path errFile = dir.resolve("err.txt");
        Process process = DbferryProcess.start(dir.resolve("out.txt"), errFile, List.of("migrate",
                source.toString(), target, "--quiet", "--workers", "1", "--batch-rows", "2000"));
        try {
            waitForCheckpoints(process);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String err = Files.readString(errFile, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err).contains("dbferry: interrupted: chunks in flight were rolled back, committed ones are "
                + "checkpointed; to continue, run the same command with --resume");
        assertThat(count("select count(*) from dbferry.migration_run where state = 'interrupted'")).isEqualTo(1);
        long committed = count("select count(*) from public.big");
        assertThat(committed).isEqualTo(count("select coalesce(sum(rows_written), 0) from dbferry.migration_chunk"))
                .isLessThan(ROWS);

        CommandRun resumed = CommandRun.of("migrate", source.toString(), target, "--quiet", "--resume",
                "--workers", "1", "--batch-rows", "2000");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(count("select count(*) from public.big")).isEqualTo(ROWS);
        assertThat(count("select count(distinct id) from public.big")).isEqualTo(ROWS);
    }

    private void waitForCheckpoints(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (count("select count(*) from dbferry.migration_chunk") >= 3) {
                    return;
                }
            } catch (SQLException notYet) {
                // the state tables do not exist yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoints while the migration ran");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
