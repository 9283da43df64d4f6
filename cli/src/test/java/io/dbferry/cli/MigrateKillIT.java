package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a running {@code dbferry migrate} (a separate JVM, SIGKILL mid-table: no shutdown hook, no
 * rollback but the server's), then {@code --resume}: the target ends equal to an uninterrupted run's, table by
 * table and value by value, with the same keys, foreign keys, indexes and sequences, and the same reject lines.
 */
class MigrateKillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 150_000;

    @TempDir
    Path dir;
    private TestDatabase killed;
    private TestDatabase clean;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        killed = TestPostgres.freshDatabase();
        clean = TestPostgres.freshDatabase();
        source = dir.resolve("big.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                    + "INSERT INTO owner SELECT i, 'owner ' || i FROM n");
            s.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id), "
                    + "qty INTEGER, price REAL, at DATETIME, note TEXT)");
            s.execute("CREATE INDEX item_at ON item (at)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO item SELECT i, 1 + i % 1000, i % 97, i / 8.0, "
                    + "datetime(1700000000 + i * 60, 'unixepoch'), 'note ' || i FROM n");
            // One bad value every 10,000 rows: each chunk of 2,000 rows has at most one reject.
            s.execute("UPDATE item SET qty = 'many' WHERE id % 10000 = 0");
        }
    }

    @AfterEach
    void dropDatabases() throws Exception {
        killed.close();
        clean.close();
    }

    @Test
    void sigkillMidTableThenResumeEndsEqualToACleanRun() throws Exception {
        Process process = DbferryProcess.start(dir.resolve("out.txt"), dir.resolve("err.txt"), args(killed));
        long checkpointed;
        try {
            checkpointed = waitForItemCheckpoints(process);
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).isEqualTo(137);
        assertThat(checkpointed).isPositive();
        assertThat(TargetSnapshot.strings(killed, "select state from dbferry.migration_run"))
                .containsExactly("running");
        long committed = TargetSnapshot.count(killed, "select count(*) from public.item");
        assertThat(committed).isLessThan(ROWS).isEqualTo(TargetSnapshot.count(killed,
                "select coalesce(sum(rows_written), 0) from dbferry.migration_chunk where target_table = 'item'"));

        List<String> resumeArgs = args(killed, "--resume", "--json");
        CommandRun resumed = CommandRun.of(resumeArgs.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        CommandRun uninterrupted = CommandRun.of(args(clean, "--json").toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);

        TargetSnapshot.assertSame(killed, clean);
        assertThat(sortedLines(rejects(killed).resolve("item.jsonl"))).hasSize(ROWS / 10_000)
                .isEqualTo(sortedLines(rejects(clean).resolve("item.jsonl")));
        JsonNode summary = JSON.readTree(resumed.out());
        for (JsonNode table : summary.get("tables")) {
            assertThat(table.get("rowsRead").asLong()).as(table.get("name").asText())
                    .isEqualTo(table.get("rowsWritten").asLong() + table.get("rowsRejected").asLong());
        }
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(ROWS + 1_000);
        assertThat(summary.get("rowsRejected").asLong()).isEqualTo(ROWS / 10_000);
    }

    /** Waits until the migration checkpointed some chunks of item, but not all of them; returns how many. */
    private long waitForItemCheckpoints(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                long chunks = TargetSnapshot.count(killed,
                        "select count(*) from dbferry.migration_chunk where target_table = 'item'");
                if (chunks >= 10) {
                    return chunks;
                }
            } catch (SQLException notYet) {
                // the state tables do not exist yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the migration checkpointed no chunks of item: "
                + Files.readString(dir.resolve("err.txt")));
    }

    private List<String> args(TestDatabase target, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", source.toString(), TargetArgument.of(target),
                "--quiet", "--rejects", rejects(target).toString(), "--batch-rows", "2000", "--workers", "2",
                "--verify", "checksum"));
        args.addAll(List.of(options));
        return args;
    }

    private Path rejects(TestDatabase target) {
        return dir.resolve(target == killed ? "rejects-killed" : "rejects-clean");
    }

    private static List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
