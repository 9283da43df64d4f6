package io.dbferry.cli;

import static io.dbferry.cli.CompareReportJson.issue;
import static io.dbferry.cli.CompareReportJson.issues;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbferry compare} end to end against a real PostgreSQL. */
class CompareCommandIT {

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

    private JsonNode compareJson(int expectedExit, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(List.of(options));
        args.add("--format");
        args.add("json");
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(run.out());
    }

    private static Set<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("issues").forEach(i -> codes.add(i.get("code").asText()));
        return Set.copyOf(codes);
    }

    private static List<String> exampleKeys(JsonNode issue, String column) {
        List<String> keys = new ArrayList<>();
        issue.get("examples").forEach(e -> keys.add(e.get("key").get(column).asText()));
        return keys;
    }

    @Test
    void warnsForEachSyncWatermarkColumnWithoutAnIndexInTheSource() throws Exception {
        Path sqlite = dir.resolve("app.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE indexed (id INTEGER PRIMARY KEY, updated_at DATETIME)");
            s.execute("CREATE INDEX indexed_updated_at ON indexed (updated_at, id)");
            s.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, updated_at DATETIME)");
            s.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER, updated_at DATETIME)");
            s.execute("CREATE INDEX events_updated_at ON events (updated_at)");
        }

        JsonNode report = compareJson(0, sqlite.toString(), TargetArgument.of(database), "--no-data",
                "--watermark-column", "updated_at", "--table-watermark", "events=ts");

        assertThat(issues(report, "WATERMARK_NOT_INDEXED")).extracting(i -> i.get("object").asText())
                .containsExactlyInAnyOrder("plain.updated_at", "events.ts");
        JsonNode plain = issue(report, "WATERMARK_NOT_INDEXED", "plain", "updated_at");
        assertThat(plain.get("severity").asText()).isEqualTo("warning");
        assertThat(plain.get("suggestion").asText())
                .endsWith("CREATE INDEX IF NOT EXISTS \"plain_updated_at_idx\" ON \"plain\"(\"updated_at\")");
        assertThat(codes(compareJson(0, sqlite.toString(), TargetArgument.of(database), "--no-data")))
                .doesNotContain("WATERMARK_NOT_INDEXED");
    }

    @Test
    void chinookIntoAnEmptyTargetHasNoErrorAndEveryTableIsToBeCreated() throws Exception {
        JsonNode report = compareJson(0, Samples.chinook().toString(), TargetArgument.of(database));

        assertThat(report.get("summary").get("errors").asLong()).isZero();
        assertThat(report.get("rowsProfiled").asLong()).isEqualTo(15_607);
        assertThat(issues(report, "TABLE_TO_BE_CREATED")).hasSize(11);
        assertThat(report.get("issues").findValuesAsText("severity")).doesNotContain("error");
    }

    @Test
    void chinookComparedWithItsOwnMigrationShowsNoSchemaDifference() throws Exception {
        CommandRun migrate = CommandRun.of("migrate", Samples.chinook().toString(), TargetArgument.of(database));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();

        JsonNode report = compareJson(0, Samples.chinook().toString(), TargetArgument.of(database),
                "--if-exists", "truncate");

        assertThat(codes(report)).containsOnly("IDENTIFIER_NEEDS_QUOTING", "TABLE_TO_BE_EMPTIED");
        assertThat(issues(report, "TABLE_TO_BE_EMPTIED")).hasSize(11);
    }

    @Test
    void existingTablesAreErrorsUnderTheDefaultIfExistsFailAsMigrateRefusesThem() throws Exception {
        CommandRun migrate = CommandRun.of("migrate", Samples.chinook().toString(), TargetArgument.of(database));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();

        JsonNode failing = compareJson(ExitCodes.INCOMPATIBLE, Samples.chinook().toString(), TargetArgument.of(database));
        JsonNode dropping = compareJson(0, Samples.chinook().toString(), TargetArgument.of(database),
                "--if-exists", "drop");

        assertThat(issues(failing, "TARGET_TABLE_EXISTS")).hasSize(11)
                .allSatisfy(i -> assertThat(i.get("suggestion").asText()).contains("--if-exists truncate"));
        assertThat(issues(dropping, "TABLE_TO_BE_REPLACED")).hasSize(11);
        assertThat(issues(dropping, "TABLE_TO_BE_CREATED")).hasSize(11);
    }

    @Test
    void longNamesAreComparedAsPostgresqlKeepsThemAfterMigrate() throws Exception {
        String longTable = "t_" + "x".repeat(70);
        Path source = dir.resolve("long.sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + longTable + " (id INTEGER PRIMARY KEY, " + ProblemDatabase.LONG_COLUMN + " TEXT)");
            s.execute("INSERT INTO " + longTable + " VALUES (1, 'a')");
        }
        CommandRun migrate = CommandRun.of("migrate", source.toString(), TargetArgument.of(database));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();

        JsonNode report = compareJson(0, source.toString(), TargetArgument.of(database), "--if-exists", "truncate");

        assertThat(codes(report)).containsOnly("IDENTIFIER_TOO_LONG", "TABLE_TO_BE_EMPTIED");
        try (Connection target = database.connect(); Statement s = target.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select table_name, column_name from information_schema.columns"
                        + " where table_schema = 'public' and column_name <> 'id'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(longTable.substring(0, 63));
            assertThat(rs.getString(2)).isEqualTo(ProblemDatabase.LONG_COLUMN.substring(0, 63));
        }
    }

    @Test
    void duplicatesAgainstAUniqueKeyOnlyTheTargetHasAreErrors() throws Exception {
        Path source = dir.resolve("dups.sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, email TEXT)");
            s.execute("INSERT INTO acct VALUES (1, 'a@x'), (2, 'b@x'), (3, 'a@x')");
        }
        try (Connection target = database.connect(); Statement s = target.createStatement()) {
            s.execute("CREATE TABLE acct (id bigint PRIMARY KEY, email text UNIQUE)");
        }

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database),
                "--if-exists", "truncate");

        JsonNode duplicate = issue(report, "DUPLICATE_KEY", "acct", "email");
        assertThat(duplicate.get("affectedRows").asLong()).isEqualTo(2);
        assertThat(exampleKeys(duplicate, "id")).containsExactly("1", "3");
        assertThat(duplicate.get("suggestion").asText()).doesNotContain("to text");
        assertThat(codes(report)).contains("UNIQUE_KEY_NOT_IN_SOURCE").doesNotContain("TARGET_TABLE_EXISTS");
    }

    @Test
    void problemDatabaseReportsEachProblemWithCountsExamplesAndSeverity() throws Exception {
        Path source = ProblemDatabase.create(dir);

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database));

        JsonNode tooLong = issue(report, "TEXT_TOO_LONG", "users", "email");
        assertThat(tooLong.get("severity").asText()).isEqualTo("error");
        assertThat(tooLong.get("affectedRows").asLong()).isEqualTo(1);
        assertThat(exampleKeys(tooLong, "id")).containsExactly("2");
        assertThat(tooLong.get("suggestion").asText()).contains("users.email");
        assertThat(issue(report, "NOT_AN_INTEGER", "users", "age").get("affectedRows").asLong()).isEqualTo(1);
        assertThat(issue(report, "MIXED_STORAGE_CLASS", "users", "age").get("severity").asText()).isEqualTo("warning");
        assertThat(exampleKeys(issue(report, "VALUE_OUT_OF_RANGE", "users", "age"), "id")).containsExactly("3");
        assertThat(exampleKeys(issue(report, "INVALID_BOOLEAN", "users", "is_admin"), "id")).containsExactly("3");
        assertThat(exampleKeys(issue(report, "INVALID_JSON", "users", "settings"), "id")).containsExactly("4");
        assertThat(exampleKeys(issue(report, "INVALID_UUID", "users", "external_id"), "id")).containsExactly("4");
        assertThat(exampleKeys(issue(report, "NAN_OR_INFINITY", "users", "score"), "id")).containsExactly("4");
        assertThat(exampleKeys(issue(report, "NUL_IN_TEXT", "users", "nickname"), "id")).containsExactly("5");
        assertThat(exampleKeys(issue(report, "INVALID_UTF8", "users", "nickname"), "id")).containsExactly("6");
        assertThat(issue(report, "DEFAULT_NOT_CARRIED", "users", "status").get("severity").asText()).isEqualTo("warning");
        assertThat(issue(report, "RESERVED_WORD", "users", "order").get("severity").asText()).isEqualTo("info");
        assertThat(issue(report, "IDENTIFIER_TOO_LONG", "users", ProblemDatabase.LONG_COLUMN).get("message").asText())
                .contains(ProblemDatabase.LONG_COLUMN.substring(0, 63) + "\"");

        assertThat(exampleKeys(issue(report, "INVALID_TIMESTAMP", "events", "at"), "id")).containsExactly("4");
        assertThat(issue(report, "EPOCH_ISO_MIXTURE", "events", "at").get("severity").asText()).isEqualTo("warning");
        assertThat(exampleKeys(issue(report, "TIME_ZONE_DROPPED", "events", "at"), "id")).containsExactly("5");
        JsonNode duplicate = issues(report, "DUPLICATE_KEY").getFirst();
        assertThat(duplicate.get("table").asText()).isEqualTo("events");
        assertThat(exampleKeys(duplicate, "id")).contains("2", "3");

        JsonNode orphans = issue(report, "ORPHAN_ROW", "orders", "user_id");
        assertThat(orphans.get("affectedRows").asLong()).isEqualTo(2);
        assertThat(exampleKeys(orphans, "id")).containsExactlyInAnyOrder("2", "3");

        JsonNode nullKey = issue(report, "NULL_IN_NOT_NULL", "tags", "name");
        assertThat(nullKey.get("affectedRows").asLong()).isEqualTo(1);
        assertThat(issue(report, "AFFINITY_FALLBACK", "tags", "weight").get("suggestion").asText())
                .contains("--cast \"type FLOATING POINT to double precision\"");
        assertThat(issue(report, "NOT_AN_INTEGER", "tags", "weight").get("affectedRows").asLong()).isEqualTo(1);
        assertThat(issues(report, "SCHEMA_OBJECT_NOT_CARRIED")).extracting(i -> i.get("message").asText())
                .anyMatch(m -> m.contains("tags_heavy"));
    }

    @Test
    void textReportGroupsByTableAndEndsWithTheVerdict() throws Exception {
        Path source = ProblemDatabase.create(dir);

        CommandRun run = CommandRun.of("compare", source.toString(), TargetArgument.of(database));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INCOMPATIBLE);
        assertThat(run.out()).contains("\nusers\n", "\nevents\n", "ERROR   TEXT_TOO_LONG  users.email  1 row",
                "e.g. id=2: 'bob.longname@example.com'");
        assertThat(run.out().strip().lines().toList().getLast()).startsWith("NOT READY:");
        assertThat(run.err()).contains("NOT READY:");
    }

    @Test
    void writesMarkdownToAFileAndLeavesTheSourceUntouched() throws Exception {
        Path source = ProblemDatabase.create(dir);
        byte[] before = Files.readAllBytes(source);
        long modified = Files.getLastModifiedTime(source).toMillis();
        Path output = dir.resolve("report.md");

        CommandRun run = CommandRun.of("compare", source.toString(), TargetArgument.of(database),
                "--format", "markdown", "--output", output.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INCOMPATIBLE);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(output)).startsWith("# dbferry compatibility report").contains("## Table `users`");
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(modified);
    }

    @Test
    void noDataComparesTheSchemasOnly() throws Exception {
        Path source = ProblemDatabase.create(dir);

        JsonNode report = compareJson(0, source.toString(), TargetArgument.of(database), "--no-data");

        assertThat(report.get("dataProfiled").asBoolean()).isFalse();
        assertThat(report.get("rowsProfiled").asLong()).isZero();
        assertThat(codes(report)).doesNotContain("TEXT_TOO_LONG", "ORPHAN_ROW").contains("DEFAULT_NOT_CARRIED");
        assertThat(report.get("summary").get("verdict").asText()).contains("the rows were not checked");
    }

    @Test
    void sampleRowsLimitsTheRowsProfiledPerTable() throws Exception {
        Path source = ProblemDatabase.create(dir);

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database),
                "--sample-rows", "2", "--tables", "users");

        assertThat(report.get("rowsProfiled").asLong()).isEqualTo(2);
        assertThat(report.get("sampleRows").asLong()).isEqualTo(2);
        assertThat(codes(report)).contains("TEXT_TOO_LONG").doesNotContain("INVALID_JSON", "INVALID_UTF8");
    }

    @Test
    void existingTargetTableIsComparedColumnByColumn() throws Exception {
        Path source = ProblemDatabase.create(dir);
        try (Connection target = database.connect(); Statement s = target.createStatement()) {
            // at is a date (lossy for timestamps), note is an extra required column, and at is not unique.
            s.execute("CREATE TABLE events (id bigint PRIMARY KEY, at date, note text NOT NULL)");
        }

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database),
                "--tables", "events", "--if-exists", "truncate");

        assertThat(issue(report, "TYPE_LOSSY", "events", "at").get("message").asText()).contains("date");
        assertThat(issue(report, "TARGET_COLUMN_REQUIRED", "events", null).get("message").asText()).contains("note");
        assertThat(issues(report, "UNIQUE_KEY_MISSING_IN_TARGET")).hasSize(1);
        assertThat(issues(report, "TABLE_TO_BE_CREATED")).isEmpty();
        // The target has no unique key on at, so the values that collide once converted break nothing there.
        assertThat(issues(report, "DUPLICATE_KEY")).isEmpty();
    }

    @Test
    void caseOnlyCollisionUnderLowerIsAnError() throws Exception {
        Path source = dir.resolve("collide.sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            // SQLite folds only ASCII letters (lang_expr.html "Collating Sequences"), so these are two columns.
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, \"Äpfel\" TEXT, \"äpfel\" TEXT)");
            s.execute("CREATE TABLE flags (id INTEGER PRIMARY KEY, on_call BOOLEAN)");
            s.execute("INSERT INTO flags VALUES (1, 'maybe')");
        }

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database),
                "--identifiers", "lower");

        JsonNode collision = issue(report, "IDENTIFIER_COLLISION", "people", "äpfel");
        assertThat(collision.get("message").asText()).contains("\"Äpfel\"", "\"äpfel\"", "differ only in case");
        assertThat(collision.get("suggestion").asText()).contains("--identifiers preserve");
        // The other table is still checked in full.
        assertThat(exampleKeys(issue(report, "INVALID_BOOLEAN", "flags", "on_call"), "id")).containsExactly("1");
        assertThat(issue(report, "TABLE_TO_BE_CREATED", "flags", null)).isNotNull();
    }

    @Test
    void outputIntoAMissingDirectoryFailsBeforeAnyWork() {
        CommandRun run = CommandRun.of("compare", Samples.chinook().toString(), TargetArgument.of(database),
                "--output", dir.resolve("no/such/dir/report.txt").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("does not exist").doesNotContain("comparing");
    }

    @Test
    void anUnknownTableInTablesIsAUsageError() {
        CommandRun run = CommandRun.of("compare", Samples.chinook().toString(), TargetArgument.of(database),
                "--tables", "album");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--tables names [album]", "Album");
    }

    @Test
    void castRulesChangeWhatTheDataProfileExpects() throws Exception {
        Path source = ProblemDatabase.create(dir);

        JsonNode report = compareJson(ExitCodes.INCOMPATIBLE, source.toString(), TargetArgument.of(database),
                "--tables", "users", "--cast", "column users.age to text", "--cast", "column users.email to text");

        assertThat(issues(report, "TEXT_TOO_LONG")).isEmpty();
        assertThat(report.get("issues")).noneMatch(i -> i.get("column").asText().equals("age"));
        assertThat(codes(report)).contains("INVALID_JSON");
    }

    @Test
    void aCastRuleMatchingNothingIsAUsageError() {
        CommandRun run = CommandRun.of("compare", Samples.chinook().toString(), TargetArgument.of(database),
                "--cast", "column Nope.x to text");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("column Nope.x to text", "CAST_RULE_UNMATCHED");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsANonNumericSampleSizeAsAUsageError() {
        CommandRun run = CommandRun.of("compare", Samples.chinook().toString(), TargetArgument.of(database),
                "--sample-rows", "lots");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--sample-rows must be 'all' or a positive whole number of rows, was 'lots'");
        assertThat(run.out()).isEmpty();
    }
}
