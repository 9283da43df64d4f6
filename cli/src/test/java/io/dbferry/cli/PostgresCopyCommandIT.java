package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL → PostgreSQL with the CLI on Chinook (samples/chinook-postgresql.sql) against a real PostgreSQL:
 * {@code migrate} into another database and into another schema of the same database, then {@code verify}, which
 * must find a value changed in the target by its key and column.
 */
class PostgresCopyCommandIT {

    private final PostgresDatabases databases = new PostgresDatabases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Test
    void copiesChinookIntoAnotherDatabase_verifiesEqual_andFindsAChangedValue() throws Exception {
        TestDatabase source = databases.chinook();
        TestDatabase target = databases.fresh();

        CommandRun migrate = CommandRun.of("migrate", TargetArgument.of(source), TargetArgument.of(target), "--json");

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = new ObjectMapper().readTree(migrate.out());
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(15_607);
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(15_607);
        assertThat(summary.get("rowsRejected").asLong()).isZero();
        assertThat(rows(target, "SELECT track_id, name, unit_price FROM public.track ORDER BY track_id"))
                .isEqualTo(rows(source, "SELECT track_id, name, unit_price FROM public.track ORDER BY track_id"));

        CommandRun equal = CommandRun.of("verify", TargetArgument.of(source), TargetArgument.of(target));
        assertThat(equal.exitCode()).as(equal.err()).isEqualTo(ExitCodes.OK);
        assertThat(equal.err()).contains("verified: all 11 tables match (checksum)");

        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE track SET name = 'Changed' WHERE track_id = 2");
        }
        CommandRun changed = CommandRun.of("verify", TargetArgument.of(source), TargetArgument.of(target),
                "--format", "json");
        assertThat(changed.exitCode()).as(changed.err()).isEqualTo(ExitCodes.VERIFICATION_MISMATCH);
        JsonNode track = table(new ObjectMapper().readTree(changed.out()), "track");
        assertThat(track.get("differences").toString()).isEqualTo("[{\"kind\":\"changed\",\"key\":{\"track_id\":\"2\"},"
                + "\"columns\":[{\"column\":\"name\",\"source\":\"Balls to the Wall\",\"target\":\"Changed\"}]}]");
    }

    @Test
    void copiesIntoAnotherSchemaOfTheSameDatabase() throws Exception {
        TestDatabase database = databases.chinook();

        CommandRun migrate = CommandRun.of("migrate", TargetArgument.of(database), TargetArgument.of(database),
                "--target-schema", "copy");

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(rows(database, "SELECT count(*) FROM copy.invoice_line")).containsExactly("2240|");
        CommandRun verify = CommandRun.of("verify", TargetArgument.of(database), TargetArgument.of(database),
                "--target-schema", "copy");
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCodes.OK);

        CommandRun itself = CommandRun.of("verify", TargetArgument.of(database), TargetArgument.of(database));
        assertThat(itself.exitCode()).as(itself.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(itself.err()).contains("source and target are schema \"public\" of the same database");
    }

    @Test
    void refusesOptionsThatOnlyApplyWhenSqliteIsOneSide() throws Exception {
        TestDatabase source = databases.fresh();
        TestDatabase target = databases.fresh();

        CommandRun cast = CommandRun.of("migrate", TargetArgument.of(source), TargetArgument.of(target),
                "--cast", "type text to text", "--resume");

        assertThat(cast.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cast.err()).contains("--cast, --resume do not apply to PostgreSQL → PostgreSQL; leave them out");
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + report);
    }

    private static List<String> rows(TestDatabase database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
