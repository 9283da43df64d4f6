package io.dbferry.cli;

import static io.dbferry.cli.CompareReportJson.issue;
import static io.dbferry.cli.CompareReportJson.issues;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbferry compare} from PostgreSQL to a SQLite file against a real PostgreSQL: Chinook is ready, values migrate
 * would reject are reported with their keys (and are exactly the rows migrate then rejects), an existing table
 * follows {@code --if-exists}, and the target file is never created or changed.
 */
class PostgresToSqliteCompareIT {

    /** A BC date, infinity timestamps, an enum, json, timestamptz, real with NaN, and objects SQLite cannot take. */
    private static final String FIXTURE = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE events (
              id integer PRIMARY KEY, happened_on date NOT NULL, seen_at timestamp, logged_at timestamptz,
              m mood, payload jsonb, score real, amount numeric CHECK (amount IS NULL OR amount > 0));
            CREATE INDEX events_lower_payload ON events ((payload ->> 'kind'));
            CREATE VIEW sad_events AS SELECT id FROM events WHERE m = 'sad';
            INSERT INTO events VALUES
              (1, '2024-02-29', '2024-01-01 10:00:00', '2024-01-01 12:00:00+02', 'happy', '{"kind": "a"}', 1.5, 1),
              (2, '0044-03-15 BC', '2024-01-01 10:00:00', NULL, 'sad', NULL, 'NaN', 'NaN'),
              (3, '2024-01-01', 'infinity', '-infinity', 'ok', '[1, 2]', NULL, 2),
              (4, '2024-01-01', '-infinity', NULL, NULL, NULL, NULL, NULL),
              (5, '2024-01-01', '2024-01-01 00:00:00', NULL, NULL, NULL, NULL, NULL);
            CREATE TABLE visits (id integer, at date) PARTITION BY RANGE (at);
            CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            INSERT INTO visits VALUES (1, '2024-05-05');
            CREATE TABLE bookings (id integer PRIMARY KEY, room integer, during int4range,
              EXCLUDE USING gist (during WITH &&));
            """;

    @TempDir
    Path dir;
    private final PostgresDatabases databases = new PostgresDatabases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    private static JsonNode json(CommandRun run, int expectedExit) throws Exception {
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> examples(JsonNode issue) {
        List<String> examples = new ArrayList<>();
        issue.get("examples").forEach(e -> examples.add(e.get("key").get("id").asText() + ": "
                + e.get("value").asText()));
        return examples;
    }

    @Test
    void chinookIsReadyEveryTableIsToBeCreated_andTheMissingFileIsNotCreated() throws Exception {
        TestDatabase source = databases.chinook();
        Path target = dir.resolve("chinook.db");

        JsonNode report = json(CommandRun.of("compare", TargetArgument.of(source), target.toString(), "--format",
                "json"), ExitCodes.OK);

        assertThat(report.get("summary").get("ready").asBoolean()).isTrue();
        assertThat(report.get("summary").get("errors").asLong()).isZero();
        assertThat(report.get("tables").asInt()).isEqualTo(11);
        assertThat(report.get("rowsProfiled").asLong()).isEqualTo(15_607);
        assertThat(issues(report, "TABLE_TO_BE_CREATED")).hasSize(11);
        assertThat(target).doesNotExist();

        CommandRun text = CommandRun.of("compare", TargetArgument.of(source), target.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("compared the schemas of 11 tables and profiled 15,607 rows (every row)")
                .endsWith("READY: nothing would fail or be lost (0 errors, 0 warnings, 11 infos)\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void reportsTheRowsMigrateWouldReject_withTheirKeys_andMigrateRejectsExactlyThose() throws Exception {
        TestDatabase source = databases.with(FIXTURE);
        Path target = dir.resolve("events.db");

        JsonNode report = json(CommandRun.of("compare", TargetArgument.of(source), target.toString(), "--format",
                "json"), ExitCodes.INCOMPATIBLE);

        JsonNode bc = issue(report, "VALUE_OUT_OF_RANGE", "events", "happened_on");
        assertThat(bc.get("severity").asText()).isEqualTo("error");
        assertThat(bc.get("affectedRows").asLong()).isEqualTo(1);
        assertThat(examples(bc)).containsExactly("2: '0044-03-15 BC'");
        assertThat(bc.get("message").asText()).contains("events.happened_on (date → DATE)",
                "-0043-03-15 (44 BC) is outside the years 1 to 9999");
        assertThat(bc.get("suggestion").asText()).contains("--on-error reject", "--exclude");
        JsonNode infinity = issue(report, "VALUE_OUT_OF_RANGE", "events", "seen_at");
        assertThat(infinity.get("affectedRows").asLong()).isEqualTo(2);
        assertThat(examples(infinity)).containsExactly("3: 'infinity'", "4: '-infinity'");
        assertThat(examples(issue(report, "VALUE_OUT_OF_RANGE", "events", "logged_at")))
                .containsExactly("3: '-infinity'");
        assertThat(examples(issue(report, "NAN_OR_INFINITY", "events", "score"))).containsExactly("2: 'NaN'");
        assertThat(examples(issue(report, "NAN_OR_INFINITY", "events", "amount"))).containsExactly("2: 'NaN'");
        assertThat(issue(report, "STORED_AS_TEXT", "events", "m").get("message").asText())
                .contains("CHECK of its labels [sad, ok, happy]");
        assertThat(issue(report, "STORED_AS_TEXT", "events", "payload").get("severity").asText()).isEqualTo("info");
        assertThat(issue(report, "STORED_IN_UTC", "events", "logged_at").get("message").asText()).contains("UTC");
        assertThat(issue(report, "TYPE_WIDENED", "events", "score").get("message").asText()).contains("real");
        assertThat(issues(report, "SCHEMA_OBJECT_NOT_CARRIED")).extracting(i -> i.get("message").asText())
                .anyMatch(m -> m.contains("view \"sad_events\""))
                .anyMatch(m -> m.contains("index \"events_lower_payload\""))
                .anyMatch(m -> m.contains("CHECK constraint"));
        assertThat(issue(report, "SCHEMA_OBJECT_NOT_CARRIED", "visits_2024", null).get("message").asText())
                .contains("not migrated as a table of its own, its rows are in \"visits\"");
        assertThat(issue(report, "SCHEMA_OBJECT_NOT_CARRIED", "visits", null).get("message").asText())
                .contains("partitioning of \"visits\" is not carried over");
        assertThat(issue(report, "SCHEMA_OBJECT_NOT_CARRIED", "bookings", null).get("message").asText())
                .contains("exclusion constraint", "EXCLUDE USING gist (during WITH &&)");
        assertThat(report.get("summary").get("errors").asLong()).isEqualTo(3);
        assertThat(target).doesNotExist();

        CommandRun migrate = CommandRun.of("migrate", TargetArgument.of(source), target.toString(), "--rejects",
                dir.resolve("rejects").toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            // Rows 2, 3 and 4 are the ones compare named; the others were written.
            assertThat(s.executeQuery("SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)")
                    .getString(1)).isEqualTo("1,5");
            // The one visit is in the partitioned table only: its partition is not copied a second time.
            assertThat(s.executeQuery("SELECT count(*) FROM visits").getInt(1)).isEqualTo(1);
            assertThat(s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'visits_2024'").getInt(1))
                    .isZero();
        }
    }

    @Test
    void noDataComparesTheSchemaOnly_andSampleRowsLimitsTheScan() throws Exception {
        TestDatabase source = databases.with(FIXTURE);
        String target = dir.resolve("events.db").toString();

        JsonNode schemaOnly = json(CommandRun.of("compare", TargetArgument.of(source), target, "--no-data",
                "--format", "json"), ExitCodes.OK);
        assertThat(schemaOnly.get("dataProfiled").asBoolean()).isFalse();
        assertThat(issues(schemaOnly, "VALUE_OUT_OF_RANGE")).isEmpty();
        assertThat(schemaOnly.get("summary").get("verdict").asText()).startsWith("READY AS FAR AS THE SCHEMA GOES");

        JsonNode sample = json(CommandRun.of("compare", TargetArgument.of(source), target, "--sample-rows", "2",
                "--tables", "events", "--format", "json"), ExitCodes.INCOMPATIBLE);
        assertThat(sample.get("tables").asInt()).isEqualTo(1);
        assertThat(sample.get("rowsProfiled").asLong()).isEqualTo(2);
        assertThat(issues(sample, "VALUE_OUT_OF_RANGE")).singleElement()
                .satisfies(i -> assertThat(i.get("column").asText()).isEqualTo("happened_on"));
    }

    @Test
    void anExistingTableFollowsIfExists_andTheFileIsNotChanged() throws Exception {
        TestDatabase source = databases.with("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price "
                + "numeric(10,2)); INSERT INTO items VALUES (1, 'pen', 1.50);");
        Path target = dir.resolve("local.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL)");
            s.execute("CREATE TABLE notes (body TEXT)");
            s.execute("INSERT INTO items VALUES (7, 'old', 'x')");
        }
        Files.setLastModifiedTime(target, FileTime.fromMillis(1_600_000_000_000L));
        byte[] before = Files.readAllBytes(target);

        JsonNode failing = json(CommandRun.of("compare", TargetArgument.of(source), target.toString(), "--format",
                "json"), ExitCodes.INCOMPATIBLE);
        assertThat(issue(failing, "TARGET_TABLE_EXISTS", "items", null).get("message").asText())
                .contains("--if-exists fail (the default) refuses to start");
        assertThat(issue(failing, "TABLE_NOT_IN_SOURCE", "notes", null).get("severity").asText()).isEqualTo("info");

        JsonNode truncating = json(CommandRun.of("compare", TargetArgument.of(source), target.toString(),
                "--if-exists", "truncate", "--format", "json"), ExitCodes.INCOMPATIBLE);
        assertThat(issue(truncating, "TABLE_TO_BE_EMPTIED", "items", null).get("message").asText())
                .contains("--if-exists truncate deletes its rows");
        assertThat(issues(truncating, "TARGET_TABLE_EXISTS")).isEmpty();
        issue(truncating, "COLUMN_MISSING_IN_TARGET", "items", "price");
        issue(truncating, "TARGET_COLUMN_REQUIRED", "items", "code");

        JsonNode dropping = json(CommandRun.of("compare", TargetArgument.of(source), target.toString(),
                "--if-exists", "drop", "--format", "json"), ExitCodes.OK);
        issue(dropping, "TABLE_TO_BE_REPLACED", "items", null);

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(target).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(dir.resolve("local.db-journal")).doesNotExist();
        assertThat(dir.resolve("local.db-wal")).doesNotExist();
    }

    @Test
    void rendersMarkdown_andRefusesOptionsOfTheOtherDirection() throws Exception {
        TestDatabase source = databases.with(FIXTURE);
        String target = dir.resolve("events.db").toString();

        CommandRun markdown = CommandRun.of("compare", TargetArgument.of(source), target, "--format", "markdown");
        assertThat(markdown.exitCode()).as(markdown.err()).isEqualTo(ExitCodes.INCOMPATIBLE);
        assertThat(markdown.out()).startsWith("# dbferry compatibility report\n\n**NOT READY")
                .contains("## Table `events`", "`VALUE_OUT_OF_RANGE`", "`id=2: '0044-03-15 BC'`");

        CommandRun cast = CommandRun.of("compare", TargetArgument.of(source), target, "--target-schema", "x");
        assertThat(cast.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cast.err()).contains("--target-schema does not apply to PostgreSQL → SQLite; leave it out");
    }
}
