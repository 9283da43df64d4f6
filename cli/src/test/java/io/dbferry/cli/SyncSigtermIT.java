package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * SIGTERM to {@code dbferry sync --every} (a separate JVM) while a run is loading rows: the run finishes and
 * commits, the process exits with 0, the state covers exactly the rows written, and the next sync finds the
 * target equal to the source.
 */
class SyncSigtermIT {

    private static final int ROWS = 500_000;

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.freshDatabase();
        source = dir.resolve("app.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT, updated_at TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO big SELECT i, 'name ' || i, strftime('%Y-%m-%d %H:%M:%S', 1704067200 + i, "
                    + "'unixepoch') FROM n");
            s.execute("CREATE INDEX big_updated_at ON big (updated_at)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void sigtermDuringARunLetsItCommitExitsWithZeroAndTheNextSyncFindsTheTargetEqual() throws Exception {
        String target = TargetArgument.of(database);
        Path errFile = dir.resolve("err.txt");
        Process process = DbferryProcess.start(dir.resolve("out.txt"), errFile, List.of("sync", source.toString(),
                target, "--every", "1h", "--workers", "1"));
        try {
            waitForTheLoad(process);
            assertThat(count("SELECT count(*) FROM dbferry.sync_state")).isZero(); // the run has not committed
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String err = Files.readString(errFile, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.OK);
        assertThat(err.lines().filter(l -> l.contains("dbferry: synced 1 tables: 500,000 rows read"))).hasSize(1);
        assertThat(err).contains("dbferry: stopped");
        assertThat(count("SELECT rows_read FROM dbferry.sync_state WHERE target_table = 'big'")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM public.big")).isEqualTo(ROWS);

        CommandRun next = CommandRun.of("sync", source.toString(), target, "--json");
        assertThat(next.exitCode()).as(next.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(next.out());
        assertThat(summary.get("tables").get(0).get("mode").asText()).isEqualTo("incremental");
        assertThat(summary.get("rowsUpserted").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM public.big WHERE name = 'name ' || id")).isEqualTo(ROWS);
    }

    /** Waits until the run's COPY into the target is under way; fails after 60 s. */
    private void waitForTheLoad(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND state = 'active' AND query LIKE 'COPY %big%'") > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sync never started loading: " + Files.readString(dir.resolve("err.txt")));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
