package io.dbferry.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbferry migrate} end to end against a real PostgreSQL: output, exit codes, one-line errors. */
class MigrateCommandIT {

    @TempDir
    Path dir;
    private TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private String targetUrl() {
        return TargetArgument.of(database);
    }

    @Test
    void migratesChinookAndPrintsAJsonSummary() throws Exception {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("tables")).hasSize(11);
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(15_607);
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(15_607);
        assertThat(summary.get("verified").asBoolean()).isTrue();
        JsonNode album = findTable(summary, "Album");
        assertThat(album.get("rowsRead").asLong()).isEqualTo(347);
        assertThat(album.get("rowsWritten").asLong()).isEqualTo(347);
        assertThat(album.get("seconds").isNumber()).isTrue();
        assertThat(run.err()).contains("verified").doesNotContain("Exception");
        try (Connection target = database.connect(); Statement s = target.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from public.\"Album\"")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(347);
        }
    }

    private static JsonNode findTable(JsonNode summary, String name) {
        for (JsonNode table : summary.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + summary);
    }

    @Test
    void quietRunWritesPrometheusMetricsWithTheTotals() throws Exception {
        Path metrics = dir.resolve("metrics.prom");

        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--quiet",
                "--workers", "3", "--batch-rows", "500", "--metrics-file", metrics.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("dbferry: migrated 11 tables, 15,607 rows").doesNotContain("dbferry: loading")
                .doesNotContain("dbferry: migrating");
        String text = Files.readString(metrics);
        assertThat(text).contains("dbferry_rows_written_total{table=\"Track\"} 3503.0")
                .contains("dbferry_rows_read_total{table=\"Track\"} 3503.0")
                .contains("dbferry_rows_rejected_total{table=\"Track\"} 0.0")
                .contains("dbferry_chunk_duration_seconds_count{table=\"Track\"} 8")
                .contains("dbferry_queue_depth 0.0")
                .containsPattern("dbferry_bytes_written_total\\{table=\"Album\"} [1-9]")
                .doesNotContain("password");
        try (Connection target = database.connect(); Statement s = target.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from public.\"Track\"")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3503);
        }
    }

    @Test
    void logOutputShowsEveryLoadedTableAndThePhases() {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--workers", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("dbferry: loading 11 tables in 11 chunks with 1 worker")
                .containsPattern("  InvoiceLine +2,240 rows").contains("dbferry: creating foreign keys")
                .doesNotContain("\u001b[");
    }

    @Test
    void workersBelowOneIsAUsageErrorNamingTheOption() {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--workers", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--workers must be ≥ 1, was 0").contains("INVALID_OPTION");
    }

    @Test
    void rowCountMismatchExitsWithCodeThree() throws Exception {
        try (Connection target = database.connect(); Statement s = target.createStatement()) {
            // A trigger on an existing target table that silently drops one row: the counts must catch it.
            s.execute("create table public.\"Genre\" (\"GenreId\" bigint primary key, \"Name\" varchar(120))");
            s.execute("create function skip_rock() returns trigger language plpgsql as "
                    + "$$ begin if new.\"Name\" = 'Rock' then return null; end if; return new; end $$");
            s.execute("create trigger skip_rock before insert on public.\"Genre\" "
                    + "for each row execute function skip_rock()");
        }

        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--tables", "Genre",
                "--if-exists", "truncate");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        assertThat(run.err()).contains("verification failed").contains("\"Genre\" has 24 rows, the source 25");
    }

    @Test
    void secondMigrateIntoTheSameTargetFailsWithExitCodeOne() {
        assertThat(CommandRun.of("migrate", Samples.chinook().toString(), targetUrl()).exitCode()).isZero();

        CommandRun again = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl());

        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("--if-exists drop").contains("TARGET_TABLE_EXISTS");
    }

    @Test
    void missingSourceFileIsOneLineWithExitCodeOne() {
        Path missing = dir.resolve("missing.sqlite");

        CommandRun run = CommandRun.of("migrate", missing.toString(), targetUrl());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertOneLineError(run);
        assertThat(run.err()).contains(missing.toString());
        assertThat(Files.exists(missing)).as("the missing source must not be created").isFalse();
    }

    @Test
    void nonSqliteFileIsOneLineWithExitCodeOne() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "this is not a database\n");

        CommandRun run = CommandRun.of("migrate", text.toString(), targetUrl());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertOneLineError(run);
        assertThat(run.err()).contains("not an SQLite database");
    }

    @Test
    void unreachablePostgresIsOneLineWithExitCodeOneAndNoPassword() {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(),
                "postgresql://someone:s3cret-pw@127.0.0.1:1/app");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertOneLineError(run);
        assertThat(run.err()).contains("127.0.0.1:1").doesNotContain("s3cret-pw");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CommandRun run = CommandRun.of("migrate", dir.resolve("missing.sqlite").toString(), targetUrl(), "--verbose");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("\tat io.dbferry.");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), targetUrl(), "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-such-option");
    }

    private static void assertOneLineError(CommandRun run) {
        assertThat(run.err().lines()).as(run.err()).singleElement(as(STRING)).startsWith("dbferry: error: ");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
