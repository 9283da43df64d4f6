package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dbferry verify}, and migrate's verification, end to end on Chinook against a real PostgreSQL. */
class VerifyCommandIT {

    private TestDatabase database;

    @BeforeEach
    void migrateChinook() {
        database = TestPostgres.freshDatabase();
        CommandRun migrate = CommandRun.of("migrate", Samples.chinook().toString(), TargetArgument.of(database));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private CommandRun verify(String... options) {
        List<String> args = new ArrayList<>(List.of("verify", Samples.chinook().toString(),
                TargetArgument.of(database)));
        args.addAll(List.of(options));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private void target(String... statements) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    @Test
    void provesAMigratedChinookEqualAndExitsZero() {
        CommandRun run = verify();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("EQUAL     \"public\".\"PlaylistTrack\"").contains("8,715 rows")
                .contains("verified: all 11 tables match (checksum)").doesNotContain("DIFFERENT");
    }

    @Test
    void listsEachDifferenceAsJsonAndExitsThree() throws Exception {
        target("UPDATE \"Track\" SET \"Name\" = 'Changed', \"UnitPrice\" = 1.5 WHERE \"TrackId\" = 3000",
                "DELETE FROM \"PlaylistTrack\" WHERE \"PlaylistId\" = 1 AND \"TrackId\" = 3402",
                "INSERT INTO \"Genre\" VALUES (99, 'Polka')");

        CommandRun run = verify("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("matches").asBoolean()).isFalse();
        assertThat(report.get("mode").asText()).isEqualTo("checksum");
        JsonNode track = table(report, "Track");
        assertThat(track.get("status").asText()).isEqualTo("different");
        assertThat(track.get("differences").toString())
                .isEqualTo("[{\"kind\":\"changed\",\"key\":{\"TrackId\":\"3000\"},"
                + "\"columns\":[{\"column\":\"Name\",\"source\":\"God Part II\",\"target\":\"Changed\"},"
                + "{\"column\":\"UnitPrice\",\"source\":\"0.99\",\"target\":\"1.5\"}]}]");
        assertThat(table(report, "PlaylistTrack").get("differences").toString())
                .isEqualTo("[{\"kind\":\"missing-in-target\",\"key\":{\"PlaylistId\":\"1\",\"TrackId\":\"3402\"},"
                        + "\"columns\":[]}]");
        assertThat(table(report, "Genre").get("targetRows").asLong()).isEqualTo(26);
        assertThat(table(report, "Genre").get("differences").get(0).get("kind").asText()).isEqualTo("extra-in-target");
        assertThat(table(report, "Album").get("status").asText()).isEqualTo("equal");
    }

    @Test
    void countsModeAndMarkdownShowOnlyRowCounts() throws Exception {
        target("UPDATE \"Track\" SET \"Name\" = 'Changed' WHERE \"TrackId\" = 3000",
                "INSERT INTO \"Genre\" VALUES (99, 'Polka')");

        CommandRun run = verify("--mode", "counts", "--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        assertThat(run.out()).contains("# dbferry verification report")
                .contains("| `\"public\".\"Genre\"` | different | 25 | 26 | counts |")
                .contains("| `\"public\".\"Track\"` | equal | 3503 | 3503 | counts |");
    }

    @Test
    void migrateWithChecksumVerificationFindsAChangedRowOfAnExistingTable() throws Exception {
        // A trigger that changes one value on its way in: the row counts match, the content does not.
        target("CREATE SCHEMA side",
                "CREATE TABLE side.\"Genre\" (\"GenreId\" bigint PRIMARY KEY, \"Name\" varchar(120))",
                "CREATE FUNCTION rename_rock() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN IF new.\"Name\" = 'Rock' THEN new.\"Name\" := 'Rock!'; END IF; RETURN new; END $$",
                "CREATE TRIGGER rename_rock BEFORE INSERT ON side.\"Genre\" FOR EACH ROW "
                        + "EXECUTE FUNCTION rename_rock()");
        String[] migrate = {"migrate", Samples.chinook().toString(), TargetArgument.of(database), "--tables", "Genre",
            "--target-schema", "side", "--if-exists", "truncate"};

        CommandRun counts = CommandRun.of(migrate);
        assertThat(counts.exitCode()).as("row counts cannot see it: %s", counts.err()).isEqualTo(ExitCodes.OK);
        CommandRun checksum = CommandRun.of(append(migrate, "--verify", "checksum"));

        assertThat(checksum.exitCode()).as(checksum.err()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        assertThat(checksum.err()).contains("\"side\".\"Genre\" differs in 1 of 1 chunk, e.g. at (GenreId=1)");
    }

    @Test
    void migrateWithoutVerificationSaysSo() throws Exception {
        CommandRun run = CommandRun.of("migrate", Samples.chinook().toString(), TargetArgument.of(database),
                "--if-exists", "drop", "--no-verify", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("verified").asBoolean()).isFalse();
        assertThat(run.err()).doesNotContain("verified:");
    }

    @Test
    void negativeMaxDiffsIsAUsageError() {
        CommandRun run = verify("--max-diffs", "-1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--max-diffs must be ≥ 0, was -1");
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + report);
    }
}
