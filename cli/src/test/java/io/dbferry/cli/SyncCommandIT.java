package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.sync.SyncLock;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbferry sync} end to end against a real PostgreSQL: summaries, exit codes, one-line refusals. */
class SyncCommandIT {

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path sqlite;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.freshDatabase();
        sqlite = dir.resolve("app.db");
        source("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, deleted_at TEXT, modified DATETIME)",
                "INSERT INTO users VALUES (1, 'ada', NULL, '2024-01-01 10:00:00'), (2, 'bob', NULL, '2024-01-01 10:00:01')");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void firstSyncLoadsThenLaterSyncsUpsertOnlyWhatChanged() throws Exception {
        CommandRun first = sync("--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode loaded = new ObjectMapper().readTree(first.out()).get("tables").get(0);
        assertThat(loaded.get("mode").asText()).isEqualTo("full-load");
        assertThat(loaded.get("rowsUpserted").asLong()).isEqualTo(2);

        source("UPDATE users SET deleted_at = '2024-01-02 09:00:00', modified = '2024-01-02 09:00:00' WHERE id = 2",
                "INSERT INTO users VALUES (3, 'cy', NULL, '2024-01-02T09:00:01Z')");
        CommandRun second = sync("--json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode table = new ObjectMapper().readTree(second.out()).get("tables").get(0);
        assertThat(table.get("mode").asText()).isEqualTo("incremental");
        assertThat(table.get("rowsUpserted").asLong()).isEqualTo(2);
        assertThat(second.err()).contains("\"public\".\"users\": incremental", "2 upserted");
        assertThat(target("SELECT string_agg(id || ':' || coalesce(deleted_at::text, '-'), ',' ORDER BY id) FROM users"))
                .isEqualTo("1:-,2:2024-01-02 09:00:00,3:-");

        CommandRun unchanged = sync("--json");
        assertThat(new ObjectMapper().readTree(unchanged.out()).get("rowsUpserted").asLong()).isZero();
    }

    @Test
    void detectsHardDeletesAndReportsThem() throws Exception {
        assertThat(sync("--deletes", "detect").exitCode()).isZero();
        source("DELETE FROM users WHERE id = 2");

        CommandRun run = sync("--deletes", "detect", "--max-delete-fraction", "0.5", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("rowsDeleted").asLong()).isEqualTo(1);
        assertThat(run.err()).contains("1 deleted");
        assertThat(target("SELECT string_agg(id::text, ',') FROM users")).isEqualTo("1");
    }

    @Test
    void everyRunsOneSyncPerIntervalWithOneLogLineAndOneJsonLineEachAndWritesMetrics() throws Exception {
        Path metrics = dir.resolve("sync.prom");

        CommandRun run = sync("--every", "200ms", "--max-runs", "3", "--metrics-file", metrics.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("dbferry: synced 1 tables"))).hasSize(3);
        assertThat(run.out().lines().toList()).hasSize(3).allSatisfy(line ->
                assertThat(new ObjectMapper().readTree(line).get("tables").get(0).get("target").asText())
                        .isEqualTo("\"public\".\"users\""));
        assertThat(Files.readString(metrics)).contains(
                "dbferry_sync_rows_upserted{mode=\"incremental\",table=\"\\\"public\\\".\\\"users\\\"\"} 0.0",
                "dbferry_sync_last_success_timestamp_seconds", "dbferry_sync_verification_differing_tables 0.0");
    }

    @Test
    void warnsOnEveryRunWhileTheWatermarkColumnHasNoIndexInTheSource() throws Exception {
        String warning = "dbferry: warning: the sync watermark column \"users\".\"modified\" has no index in the "
                + "source, so every incremental sync reads the whole table to find the changed rows; create the index "
                + "in the source (dbferry never writes to it): CREATE INDEX IF NOT EXISTS \"users_modified_idx\" ON "
                + "\"users\"(\"modified\") [WATERMARK_NOT_INDEXED]";
        assertThat(sync().err()).contains(warning);
        assertThat(sync().err()).contains(warning);

        source("CREATE INDEX users_modified ON users (modified)");
        CommandRun indexed = sync();
        assertThat(indexed.exitCode()).as(indexed.err()).isZero();
        assertThat(indexed.err()).contains("incremental").doesNotContain("WATERMARK_NOT_INDEXED");
    }

    @Test
    void exitsWithFiveWhileAnotherSyncHoldsTheLock() throws Exception {
        try (var pool = io.dbferry.transfer.connect.PostgresTarget.connect(database.url(), 2);
                SyncLock held = SyncLock.acquire(pool.dataSource(), "public")) {
            CommandRun run = sync();
            assertThat(run.exitCode()).isEqualTo(ExitCodes.SYNC_LOCKED);
            assertThat(run.err()).contains("another dbferry sync is running against schema \"public\"", "[SYNC_LOCKED]");
        }
    }

    @Test
    void everyPrintsAFailedRunAsAnErrorJsonLine() throws Exception {
        try (var pool = io.dbferry.transfer.connect.PostgresTarget.connect(database.url(), 2);
                SyncLock held = SyncLock.acquire(pool.dataSource(), "public")) {
            CommandRun run = sync("--every", "100ms", "--max-runs", "2", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).hasSize(2).allSatisfy(line -> {
                var error = new ObjectMapper().readTree(line).get("error");
                assertThat(error.get("code").asText()).isEqualTo("SYNC_LOCKED");
                assertThat(error.get("message").asText()).contains("another dbferry sync is running");
            });
        }
    }

    @Test
    void refusesATableWithoutTheWatermarkColumnInOneLine() {
        CommandRun run = CommandRun.of("sync", sqlite.toString(), TargetArgument.of(database));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("table \"users\" has no watermark column \"updated_at\"",
                "--table-watermark users=COLUMN", "[SYNC_REFUSED]");
    }

    @Test
    void verifiesRowCountsAtTheEndAndExitsWithThreeWhenTheTargetDiffers() throws Exception {
        CommandRun equal = sync("--json");
        assertThat(equal.exitCode()).as(equal.err()).isZero();
        assertThat(equal.err()).contains("; verified (row counts)");
        JsonNode verified = new ObjectMapper().readTree(equal.out()).get("verification");
        assertThat(verified.get("mode").asText()).isEqualTo("counts");
        assertThat(verified.get("equal").asBoolean()).isTrue();

        // With --deletes none a row deleted in the source stays in the target: the counts differ.
        source("DELETE FROM users WHERE id = 2");
        CommandRun differs = sync("--json");

        assertThat(differs.exitCode()).as(differs.err()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        assertThat(differs.err()).contains("NOT verified (row counts): \"public\".\"users\" has 2 rows, the source 1")
                .contains("exit code 3");
        JsonNode mismatch = new ObjectMapper().readTree(differs.out()).get("verification");
        assertThat(mismatch.get("equal").asBoolean()).isFalse();
        assertThat(mismatch.get("differing").get(0).asText()).isEqualTo("\"public\".\"users\"");
        assertThat(target("SELECT count(*)::text FROM users")).isEqualTo("2");

        CommandRun skipped = sync("--no-verify", "--json");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).doesNotContain("verified");
        assertThat(new ObjectMapper().readTree(skipped.out()).get("verification").isNull()).isTrue();
    }

    @Test
    void aFailedTableStillLetsTheOthersSyncThenPrintsTheirSummaryAndTheErrorAndExitsWithOne() throws Exception {
        source("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER, modified DATETIME)",
                "INSERT INTO counters VALUES (1, 10, '2024-01-01 10:00:00')");
        assertThat(sync().exitCode()).isZero();
        source("INSERT INTO counters VALUES (2, 'many', '2024-01-02 10:00:00')",
                "INSERT INTO users VALUES (3, 'cy', NULL, '2024-01-02 10:00:00')");

        CommandRun run = sync();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("\"public\".\"users\": incremental, 3 rows read, 1 upserted")
                .contains("dbferry: error:").contains("counters").contains("[VALUE_REJECTED]");
        assertThat(target("SELECT string_agg(id::text, ',' ORDER BY id) FROM users")).isEqualTo("1,2,3");
    }

    @Test
    void rejectsVerifyWithNoVerifyAsAUsageError() {
        CommandRun run = sync("--verify", "checksum", "--no-verify");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--verify checksum and --no-verify contradict each other");
    }

    @Test
    void rejectsABadLookbackAsAUsageError() {
        CommandRun run = sync("--lookback", "5 minutes");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--lookback must be a whole number and a unit");
    }

    private CommandRun sync(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "sync";
        args[1] = sqlite.toString();
        args[2] = TargetArgument.of(database);
        args[3] = "--watermark-column=modified";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CommandRun.of(args);
    }

    private void source(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private String target(String sql) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
