package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * kill -9 of a running incremental {@code dbferry sync} (a separate JVM, SIGKILL while PostgreSQL upserts the
 * window: no shutdown hook, no rollback but the server's): the target keeps none of the run's rows and its old
 * high-watermark, and the next sync ends equal to the source, every row compared by checksum.
 */
class SyncKillIT {

    private static final int ROWS = 150_000;

    @TempDir
    Path dir;
    private TestDatabase target;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        target = TestPostgres.freshDatabase();
        source = dir.resolve("app.sqlite");
        sqlite("CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, note TEXT, updated_at DATETIME)",
                "CREATE INDEX item_updated_at ON item (updated_at)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                        + "INSERT INTO item SELECT i, i % 97, 'note ' || i, '2024-01-01 10:00:00' FROM n");
    }

    @AfterEach
    void dropDatabase() {
        target.close();
    }

    @Test
    void sigkillDuringTheUpsertLeavesTheTargetAsItWasAndTheNextSyncEndsEqual() throws Exception {
        CommandRun first = CommandRun.of(args().toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        String watermark = TargetSnapshot.strings(target, "select high_watermark_source from dbferry.sync_state")
                .getFirst();
        sqlite("UPDATE item SET note = 'changed ' || id, qty = qty + 1, updated_at = '2024-01-02 10:00:00'");

        Process process = DbferryProcess.start(dir.resolve("out.txt"), dir.resolve("err.txt"), args());
        try {
            waitForTheUpsert(process);
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).isEqualTo(137);
        waitUntilTheKilledSessionIsGone();

        assertThat(TargetSnapshot.count(target, "select count(*) from public.item where note like 'changed%'"))
                .as("none of the killed run's rows").isZero();
        assertThat(TargetSnapshot.strings(target, "select high_watermark_source from dbferry.sync_state"))
                .containsExactly(watermark);

        CommandRun next = CommandRun.of(args().toArray(String[]::new));
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err()).contains(String.format(java.util.Locale.ROOT, "%,d upserted", ROWS));
        CommandRun verify = CommandRun.of("verify", source.toString(), TargetArgument.of(target), "--mode",
                "checksum");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(TargetSnapshot.count(target, "select count(*) from public.item where note like 'changed%'"))
                .isEqualTo(ROWS);
    }

    /** Waits until the sync's connection runs the upsert into the target table. */
    private void waitForTheUpsert(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (otherSessions("and query ilike 'insert into \"public\".\"item\"%'") > 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the sync ended or never upserted before it could be killed: "
                + Files.readString(dir.resolve("err.txt")));
    }

    /** The server ends a killed client's session once it notices; until then it holds the sync's lock. */
    private void waitUntilTheKilledSessionIsGone() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (otherSessions("") > 0) {
            assertThat(System.nanoTime()).as("the killed sync's session ended").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long otherSessions(String condition) throws SQLException {
        return TargetSnapshot.count(target, "select count(*) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid() " + condition);
    }

    private List<String> args() {
        return new ArrayList<>(List.of("sync", source.toString(), TargetArgument.of(target), "--workers", "2"));
    }

    private void sqlite(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
