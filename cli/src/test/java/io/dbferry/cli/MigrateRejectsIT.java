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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --on-error}, {@code --rejects} and {@code --text-policy} against a real PostgreSQL: every row
 * is in the target or in its table's reject file, and rows read = written + rejected, per table.
 */
class MigrateRejectsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path source;
    private Path rejects;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.freshDatabase();
        rejects = dir.resolve("rejects");
        source = dir.resolve("messy.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            // mixed: id 2 holds TEXT in an INTEGER column.
            s.execute("CREATE TABLE mixed (id INTEGER PRIMARY KEY, n INTEGER)");
            s.execute("INSERT INTO mixed VALUES (1, 10), (2, 'forty'), (3, 30)");
            // texts: id 2 is TEXT whose bytes are not UTF-8, id 3 holds a NUL.
            s.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, t TEXT)");
            s.execute("INSERT INTO texts VALUES (1, 'ok'), (2, CAST(x'66ff6f' AS TEXT)), (3, 'e' || char(0) || 'd')");
            // docs: id 2 is not JSON.
            s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, body JSON)");
            s.execute("INSERT INTO docs VALUES (1, '{\"a\":1}'), (2, '{\"a\":')");
            // events: id 2 is not a timestamp; the key is text.
            s.execute("CREATE TABLE events (code TEXT PRIMARY KEY, at DATETIME)");
            s.execute("INSERT INTO events VALUES ('a', '2024-01-01 10:00:00'), ('b', 'yesterday')");
            s.execute("CREATE TABLE clean (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO clean VALUES (1, 'x'), (2, 'y')");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void writesEachRejectedRowToItsTablesFileAndExitsWithFour() throws Exception {
        CommandRun run = migrate("--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(run.err()).contains("5 rows rejected (exit code 4)")
                .contains("texts: 3 rows read = 1 written + 2 rejected (see " + rejects.resolve("texts.jsonl"))
                .contains("verified: row counts of the 1 tables match");
        JsonNode mixed = single(lines("mixed"));
        assertThat(mixed.get("table").asText()).isEqualTo("mixed");
        assertThat(mixed.get("primaryKey").toString()).isEqualTo("{\"id\":2}");
        assertThat(mixed.get("column").asText()).isEqualTo("n");
        assertThat(mixed.get("value").asText()).isEqualTo("forty");
        assertThat(mixed.get("reason").asText()).isEqualTo("NOT_AN_INTEGER");
        assertThat(mixed.get("message").asText()).contains("forty");
        List<JsonNode> texts = lines("texts");
        assertThat(texts).hasSize(2);
        JsonNode invalid = texts.stream().filter(l -> l.get("primaryKey").get("id").asLong() == 2).findFirst().orElseThrow();
        assertThat(invalid.get("value").get("base64").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {0x66, (byte) 0xff, 0x6f}));
        assertThat(invalid.get("reason").asText()).isEqualTo("INVALID_UTF8");
        JsonNode nul = texts.stream().filter(l -> l.get("primaryKey").get("id").asLong() == 3).findFirst().orElseThrow();
        assertThat(nul.get("value").asText()).isEqualTo("e\0d");
        assertThat(nul.get("reason").asText()).isEqualTo("NUL_IN_TEXT");
        assertThat(single(lines("docs")).get("reason").asText()).isEqualTo("INVALID_JSON");
        JsonNode event = single(lines("events"));
        assertThat(event.get("primaryKey").toString()).isEqualTo("{\"code\":\"b\"}");
        assertThat(event.get("reason").asText()).isEqualTo("INVALID_TIMESTAMP");
        assertThat(rejects.resolve("clean.jsonl")).doesNotExist();
        assertAccounting(JSON.readTree(run.out()), 5);
    }

    @Test
    void stopsAtTheFirstRejectedValueNamingItWithOnErrorStop() throws Exception {
        CommandRun run = migrate("--on-error", "stop", "--tables", "mixed");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot load \"mixed\".\"n\"").contains("primary key (id=2)")
                .contains("'forty'").contains("[NOT_AN_INTEGER]").contains("--cast \"column mixed.n to text\"")
                .contains("[VALUE_REJECTED]");
        assertThat(rejects).doesNotExist();
    }

    @Test
    void replacesInvalidBytesAndNulWithTheReplacementCharacterAndCountsThem() throws Exception {
        CommandRun run = migrate("--text-policy", "replace", "--tables", "texts", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(texts()).containsExactly("ok", "f\uFFFDo", "e\uFFFDd");
        assertThat(JSON.readTree(run.out()).get("tables").get(0).get("textValuesChanged").asLong()).isEqualTo(2);
        assertThat(run.err()).contains("--text-policy changed 2 values");
        assertThat(rejects).doesNotExist();
    }

    @Test
    void stripsInvalidBytesAndNul() throws Exception {
        CommandRun run = migrate("--text-policy", "strip", "--tables", "texts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(texts()).containsExactly("ok", "fo", "ed");
    }

    @Test
    void rejectsARowPostgresqlRefusesDuringCopyAndLoadsTheRestOfItsChunk() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.clean (id bigint primary key, v text check (v <> 'y'))");
        }

        CommandRun run = migrate("--tables", "clean", "--if-exists", "truncate", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        JsonNode refused = single(lines("clean"));
        assertThat(refused.get("primaryKey").toString()).isEqualTo("{\"id\":2}");
        assertThat(refused.get("reason").asText()).isEqualTo("REFUSED_BY_TARGET");
        assertThat(refused.get("column").isNull()).isTrue();
        assertThat(refused.get("message").asText()).contains("violates check constraint").contains("23514");
        assertThat(targetCount("clean")).isEqualTo(1);
        assertAccounting(JSON.readTree(run.out()), 1);
    }

    @Test
    void rejectsEachIdenticalRowPostgresqlRefusesOnItsOwnInATableWithoutPrimaryKey() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            // No primary key and two identical rows: each refused row must be rejected, and only it.
            s.execute("CREATE TABLE twins (a INTEGER, b TEXT)");
            s.execute("INSERT INTO twins VALUES (1, 'x'), (1, 'x'), (2, 'y')");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.twins (a bigint, b text check (b <> 'x'))");
        }

        CommandRun run = migrate("--tables", "twins", "--if-exists", "truncate", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(lines("twins")).hasSize(2).allMatch(l -> l.get("reason").asText().equals("REFUSED_BY_TARGET"));
        assertThat(targetCount("twins")).isEqualTo(1);
        assertAccounting(JSON.readTree(run.out()), 2);
    }

    @Test
    void stopsAtARowPostgresqlRefusesWithOnErrorStop() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.clean (id bigint primary key, v text check (v <> 'y'))");
        }

        CommandRun run = migrate("--tables", "clean", "--if-exists", "truncate", "--on-error", "stop");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("failed writing chunk 1 of 1 of \"main\".\"clean\"")
                .contains("violates check constraint").contains("[LOAD_FAILED]");
        assertThat(targetCount("clean")).isZero();
    }

    @Test
    void aNewRunReplacesTheRejectFilesOfTheRunBefore() throws Exception {
        CommandRun first = migrate("--tables", "mixed");
        CommandRun second = migrate("--tables", "mixed", "--if-exists", "drop");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(lines("mixed")).hasSize(1);
    }

    @Test
    void createsNoRejectDirectoryWithoutRejects() {
        CommandRun run = migrate("--tables", "clean");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rejects).doesNotExist();
    }

    @Test
    void rejectsDuplicatesADeferredUniqueConstraintRefusesAtCommitBySplittingTheChunk() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE codes (id INTEGER PRIMARY KEY, code TEXT)");
            s.execute("INSERT INTO codes VALUES (1, 'a'), (2, 'b'), (3, 'a'), (4, 'c'), (5, 'b'), (6, 'd')");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            // Checked at the commit, so PostgreSQL names no COPY line: the chunk is split until the rows are found.
            s.execute("create table public.codes (id bigint primary key, "
                    + "code text constraint codes_code_key unique deferrable initially deferred)");
        }

        CommandRun run = migrateChunksOf(100, "--tables", "codes", "--if-exists", "truncate", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        List<JsonNode> refused = lines("codes");
        assertThat(refused).extracting(l -> l.get("primaryKey").toString()).containsExactly("{\"id\":3}", "{\"id\":5}");
        assertThat(refused).allSatisfy(l -> {
            assertThat(l.get("reason").asText()).isEqualTo("REFUSED_BY_TARGET");
            assertThat(l.get("message").asText()).contains("duplicate key value violates unique constraint "
                    + "\"codes_code_key\"").contains("[SQLSTATE 23505]");
        });
        assertThat(refused.getFirst().get("message").asText()).contains("Key (code)=(a) already exists");
        assertThat(targetStrings("select id::text from public.codes order by id")).containsExactly("1", "2", "4", "6");
        assertAccounting(JSON.readTree(run.out()), 2);
    }

    @Test
    void rejectsRowsAForeignKeyOfAKeptTableRefusesAtTheEndOfTheCopy() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE owners (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO owners VALUES (1), (2)");
            s.execute("CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owners (id))");
            s.execute("INSERT INTO pets VALUES (1, 1), (2, 9), (3, 2), (4, 1), (5, 8), (6, 2), (7, 1)");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            // A foreign key is checked at the end of the COPY statement, where PostgreSQL names no line.
            s.execute("create table public.owners (id bigint primary key)");
            s.execute("create table public.pets (id bigint primary key, owner_id bigint references public.owners)");
        }

        CommandRun run = migrateChunksOf(100, "--tables", "owners,pets", "--if-exists", "truncate", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        List<JsonNode> refused = lines("pets");
        assertThat(refused).extracting(l -> l.get("primaryKey").toString()).containsExactly("{\"id\":2}", "{\"id\":5}");
        assertThat(refused.getFirst().get("message").asText()).contains("violates foreign key constraint")
                .contains("Key (owner_id)=(9) is not present in table \"owners\"").contains("[SQLSTATE 23503]");
        assertThat(targetStrings("select id::text from public.pets order by id"))
                .containsExactly("1", "3", "4", "6", "7");
        assertAccounting(JSON.readTree(run.out()), 2);
    }

    @Test
    void rejectsDuplicatesAUniqueIndexOfAKeptTableRefusesDuringTheLoad() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT)");
            s.execute("INSERT INTO people VALUES (1, 'ann@example.com'), (2, 'bob@example.com'), "
                    + "(3, 'ANN@example.com'), (4, 'cy@example.com')");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.people (id bigint primary key, email text)");
            s.execute("create unique index people_email on public.people (lower(email))");
        }

        CommandRun run = migrateChunksOf(100, "--tables", "people", "--if-exists", "truncate", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        JsonNode refused = single(lines("people"));
        assertThat(refused.get("primaryKey").toString()).isEqualTo("{\"id\":3}");
        assertThat(refused.get("reason").asText()).isEqualTo("REFUSED_BY_TARGET");
        assertThat(refused.get("message").asText()).isEqualTo("PostgreSQL refused the row: duplicate key value "
                + "violates unique constraint \"people_email\" (Key (lower(email))=(ann@example.com) already exists.) "
                + "[SQLSTATE 23505]");
        assertThat(targetCount("people")).isEqualTo(3);
        assertAccounting(JSON.readTree(run.out()), 1);
    }

    @Test
    void refusesToBuildAUniqueKeyOverValuesThatBecameEqualNamingThemAndTheFix() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            // Distinct text in SQLite, one timestamp in PostgreSQL.
            s.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, at DATETIME UNIQUE)");
            s.execute("INSERT INTO visits VALUES (1, '2024-01-01 10:00:00'), (2, '2024-01-01T10:00:00'), "
                    + "(3, '2024-01-02 10:00:00')");
        }

        CommandRun run = migrate("--tables", "visits", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("creating the keys and indexes of \"public\".\"visits\" failed on the target")
                .contains("Key (at)=(2024-01-01 10:00:00) is duplicated")
                .contains("rows that are distinct in SQLite became equal in PostgreSQL")
                .contains("DUPLICATE_KEY").contains("--cast").contains("start over with --if-exists drop")
                .doesNotContain("--resume").contains("[DDL_FAILED]");
        assertThat(targetCount("visits")).isEqualTo(3);
        assertThat(rejects).doesNotExist();
    }

    @Test
    void refusesColumnsWhoseNamesCollideAfterTruncationBeforeChangingAnything() throws Exception {
        String first = ProblemDatabase.LONG_COLUMN;
        String second = first.substring(0, first.length() - 1) + "c";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wide (id INTEGER PRIMARY KEY, \"" + first + "\" TEXT, \"" + second + "\" TEXT)");
            s.execute("INSERT INTO wide VALUES (1, 'x', 'y')");
        }

        CommandRun run = migrate("--tables", "wide,clean");

        assertThat(first).hasSize(70);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("columns \"" + first + "\" and \"" + second + "\" of table \"wide\" both "
                        + "become \"" + first.substring(0, 63) + "\"")
                .contains("nothing was changed").contains("PostgreSQL keeps only the first 63 bytes of a name")
                .contains("ALTER TABLE \"wide\" RENAME COLUMN \"" + second + "\" TO")
                .contains("--exclude wide").doesNotContain("differ only in case")
                .contains("[IDENTIFIER_COLLISION]");
        assertThat(targetStrings("select count(*)::text from pg_class where relnamespace = 'public'::regnamespace"))
                .containsExactly("0");
        assertThat(rejects).doesNotExist();
    }

    @Test
    void writesTheRejectsOfAChunkOnceWhenItsCommitIsRetried() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.mixed (id bigint primary key, n bigint)");
            // The first commit sleeps in a deferred trigger, long enough for the test to terminate its backend.
            s.execute("create sequence public.first_commit");
            s.execute("create function public.slow_first_commit() returns trigger language plpgsql as $$ begin "
                    + "if nextval('public.first_commit') = 1 then perform pg_sleep(60); end if; return null; end $$");
            s.execute("create constraint trigger slow after insert on public.mixed deferrable initially deferred "
                    + "for each row execute function public.slow_first_commit()");
        }

        java.util.concurrent.CompletableFuture<CommandRun> running = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> migrateChunksOf(100, "--tables", "mixed", "--if-exists", "truncate", "--json"));
        terminateSleepingCommit(running);
        CommandRun run = running.get(120, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(single(lines("mixed")).get("primaryKey").toString()).isEqualTo("{\"id\":2}");
        assertThat(targetCount("mixed")).isEqualTo(2);
        assertAccounting(JSON.readTree(run.out()), 1);
    }

    private void terminateSleepingCommit(java.util.concurrent.Future<CommandRun> running) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !running.isDone()) {
            if (!targetStrings("select pg_terminate_backend(pid)::text from pg_stat_activity where datname = "
                    + "current_database() and wait_event = 'PgSleep' and query ilike 'commit%'").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no commit slept: " + (running.isDone() ? running.get().err() : "still running"));
    }

    private List<String> targetStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private CommandRun migrateChunksOf(int batchRows, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", source.toString(), TargetArgument.of(database),
                "--quiet", "--rejects", rejects.toString(), "--batch-rows", Integer.toString(batchRows)));
        args.addAll(List.of(options));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private CommandRun migrate(String... options) {
        return migrateChunksOf(2, options);
    }

    /** For every table: rows read = written + rejected, read = the source's count, written = the target's. */
    private void assertAccounting(JsonNode summary, long rejected) throws Exception {
        assertThat(summary.get("rowsRejected").asLong()).isEqualTo(rejected);
        for (JsonNode table : summary.get("tables")) {
            String name = table.get("name").asText();
            long read = table.get("rowsRead").asLong();
            long written = table.get("rowsWritten").asLong();
            long tableRejected = table.get("rowsRejected").asLong();
            assertThat(read).as(name).isEqualTo(written + tableRejected).isEqualTo(sourceCount(name));
            assertThat(written).as(name).isEqualTo(targetCount(name));
            assertThat(tableRejected).as(name).isEqualTo(Files.exists(rejects.resolve(name + ".jsonl"))
                    ? lines(name).size() : 0);
            assertThat(table.get("rejectFile").isNull()).as(name).isEqualTo(tableRejected == 0);
        }
    }

    private long sourceCount(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long targetCount(String table) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from public.\"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> texts() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select t from public.texts order by id")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private List<JsonNode> lines(String table) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rejects.resolve(table + ".jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode single(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }
}
