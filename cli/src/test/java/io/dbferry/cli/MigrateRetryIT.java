package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer's backend terminated mid-COPY ({@code pg_terminate_backend}): the chunk is retried and the load ends whole. */
class MigrateRetryIT {

    private static final int ROWS = 500_000;

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
    void retriesAChunkWhoseWriterConnectionWasTerminated() throws Exception {
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of("migrate",
                source.toString(), TargetArgument.of(database), "--quiet", "--workers", "1", "--batch-rows", "5000"));

        boolean terminated = terminateOneCopyBackend(running);
        CommandRun run = running.get(120, TimeUnit.SECONDS);

        assertThat(terminated).as("a COPY backend was terminated").isTrue();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count("select count(*) from public.big")).isEqualTo(ROWS);
        assertThat(count("select count(distinct id) from public.big")).isEqualTo(ROWS);
        assertThat(count("select count(*) from dbferry.migration_chunk")).isEqualTo(ROWS / 5000);
    }

    @Test
    void failsNamingTheChunkWhenEveryRetryIsTerminatedToo() throws Exception {
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of("migrate",
                source.toString(), TargetArgument.of(database), "--quiet", "--workers", "1", "--batch-rows", "50000"));

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            while (!running.isDone()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and query like 'COPY%' and state = 'active'");
                Thread.sleep(5);
            }
        }
        CommandRun run = running.get(120, TimeUnit.SECONDS);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).containsPattern("failed writing chunk \\d+ of 10 of \"main\".\"big\" \\(rowid [^)]+\\) "
                + "to \"public\".\"big\" on the target, also when retried: ")
                .contains("the chunk is not checkpointed: once the target is reachable, run the same command with "
                        + "--resume").contains("[LOAD_FAILED]");
        assertThat(count("select count(*) from dbferry.migration_run where state = 'failed'")).isEqualTo(1);
        assertThat(count("select count(*) from public.big"))
                .isEqualTo(count("select coalesce(sum(rows_written), 0) from dbferry.migration_chunk"));
    }

    private boolean terminateOneCopyBackend(CompletableFuture<CommandRun> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = database.connect(); PreparedStatement kill = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and query like 'COPY%' and state = 'active'")) {
            while (System.nanoTime() < deadline && !running.isDone()) {
                if (count("select count(*) from pg_class where relname = 'migration_chunk'") > 0
                        && count("select count(*) from dbferry.migration_chunk") >= 5) {
                    try (ResultSet rs = kill.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            return true;
                        }
                    }
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
