package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL → SQLite with the CLI, and both round trips, on Chinook against a real PostgreSQL: the PostgreSQL
 * script of Chinook (samples/chinook-postgresql.sql) into SQLite and back, and samples/chinook.sqlite into PostgreSQL
 * and back into a new SQLite file. Each step is proven by {@code dbferry verify}; the last one also by comparing the
 * new file with the original directly.
 */
class PostgresToSqliteCommandIT {

    @TempDir
    Path dir;
    private final PostgresDatabases databases = new PostgresDatabases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void migratesChinookFromPostgresToSqlite_verifiesEqual_andBackToPostgres() throws Exception {
        TestDatabase source = databases.chinook();
        String sqlite = dir.resolve("chinook-copy.db").toString();

        CommandRun migrate = run("migrate", TargetArgument.of(source), sqlite, "--verify", "checksum", "--json");

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = new ObjectMapper().readTree(migrate.out());
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(15_607);
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(15_607);
        assertThat(summary.get("rowsRejected").asLong()).isZero();
        assertThat(migrate.err()).contains("verified: row counts and checksums of every row of all 11 tables match");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT typeof(invoice_date) || ' ' || invoice_date || ' ' || "
                    + "typeof(total) || ' '"
                    + " || total FROM invoice WHERE invoice_id = 1").getString(1))
                    .isEqualTo("text 2021-01-01T00:00:00.000000 real 1.98");
            assertThat(s.executeQuery("PRAGMA foreign_key_check").next()).isFalse();
            assertThat(s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                    + "AND name LIKE '%_idx'").getInt(1)).isEqualTo(11);
        }

        CommandRun verify = run("verify", TargetArgument.of(source), sqlite);
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCodes.OK);
        assertThat(verify.out()).contains("verified: all 11 tables match (checksum)");

        TestDatabase back = databases.fresh();
        CommandRun migrateBack = run("migrate", sqlite, TargetArgument.of(back), "--verify", "checksum");
        assertThat(migrateBack.exitCode()).as(migrateBack.err()).isEqualTo(ExitCodes.OK);
        CommandRun verifyBack = run("verify", sqlite, TargetArgument.of(back));
        assertThat(verifyBack.exitCode()).as(verifyBack.err()).isEqualTo(ExitCodes.OK);
        assertThat(sameRows(source, back, "SELECT invoice_id, invoice_date, total FROM invoice ORDER BY 1")).isTrue();
        assertThat(sameRows(source, back, "SELECT employee_id, birth_date, last_name FROM employee ORDER BY 1"))
                .isTrue();
    }

    @Test
    void roundTripsChinookSqliteThroughPostgresIntoANewFileThatEqualsTheOriginal() throws Exception {
        TestDatabase postgres = databases.fresh();
        CommandRun there = run("migrate", Samples.chinook().toString(), TargetArgument.of(postgres));
        assertThat(there.exitCode()).as(there.err()).isEqualTo(ExitCodes.OK);
        String copy = dir.resolve("back.sqlite").toString();

        CommandRun back = run("migrate", TargetArgument.of(postgres), copy);
        assertThat(back.exitCode()).as(back.err()).isEqualTo(ExitCodes.OK);
        CommandRun verify = run("verify", TargetArgument.of(postgres), copy);
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCodes.OK);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + Samples.chinook().toString().replace("'", "''") + "' AS original");
            List<String> tables = strings(s, "SELECT name FROM original.sqlite_schema WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite%' ORDER BY name");
            assertThat(tables).hasSize(11);
            for (String table : tables) {
                String columns = String.join(", ", strings(s, "SELECT 'coalesce(datetime(\"' || name || '\"), \"'"
                        + " || name || '\")' FROM original.pragma_table_info('" + table + "') ORDER BY cid"));
                String original = "SELECT " + columns + " FROM original.\"" + table + "\"";
                String copied = "SELECT " + columns + " FROM main.\"" + table + "\"";
                assertThat(count(s, original)).as(table).isPositive().isEqualTo(count(s, copied));
                assertThat(count(s, original + " EXCEPT " + copied)).as(table).isZero();
                assertThat(count(s, copied + " EXCEPT " + original)).as(table).isZero();
            }
            assertThat(s.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'Album'").getString(1))
                    .contains("\"AlbumId\" INTEGER NOT NULL CONSTRAINT \"PK_Album\" PRIMARY KEY AUTOINCREMENT",
                            "\"Title\" VARCHAR(160) NOT NULL");
        }
    }

    @Test
    void plansTheSqliteDdlOfAPostgresSchema() throws Exception {
        TestDatabase source = databases.chinook();

        CommandRun plan = run("plan", TargetArgument.of(source), dir.resolve("never-opened.db").toString());

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("CREATE TABLE \"album\" (\"album_id\" INTEGER NOT NULL, \"title\" VARCHAR(160) "
                + "NOT NULL, \"artist_id\" INTEGER NOT NULL, CONSTRAINT \"album_pkey\" PRIMARY KEY (\"album_id\"), "
                + "CONSTRAINT \"album_artist_id_fkey\" FOREIGN KEY (\"artist_id\") REFERENCES \"artist\" "
                + "(\"artist_id\"));")
                .contains("CREATE INDEX \"album_artist_id_idx\" ON \"album\" (\"artist_id\");");
        assertThat(dir.resolve("never-opened.db")).doesNotExist();
    }

    @Test
    void refusesOptionsOfTheOtherDirectionAndACopyOfASchemaOntoItself() throws Exception {
        TestDatabase source = databases.fresh();
        String sqlite = dir.resolve("x.db").toString();

        CommandRun cast = run("migrate", TargetArgument.of(source), sqlite, "--cast", "type text to text");
        assertThat(cast.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cast.err()).contains("--cast does not apply to PostgreSQL → SQLite; leave it out");

        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id integer PRIMARY KEY)");
        }
        CommandRun both = run("migrate", TargetArgument.of(source), TargetArgument.of(source), "--if-exists", "drop");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("source and target are schema \"public\" of the same database");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    private static boolean sameRows(TestDatabase a, TestDatabase b, String sql) throws Exception {
        try (Connection first = a.connect(); Connection second = b.connect();
                Statement s1 = first.createStatement(); Statement s2 = second.createStatement()) {
            List<String> rows1 = rows(s1.executeQuery(sql));
            List<String> rows2 = rows(s2.executeQuery(sql));
            assertThat(rows1).isNotEmpty();
            return rows1.equals(rows2);
        }
    }

    private static List<String> rows(ResultSet rs) throws Exception {
        List<String> rows = new ArrayList<>();
        int width = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= width; i++) {
                row.append(rs.getObject(i) == null ? "NULL" : rs.getObject(i).toString()).append('|');
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static List<String> strings(Statement s, String sql) throws Exception {
        return rows(s.executeQuery(sql)).stream().map(r -> r.substring(0, r.length() - 1)).toList();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
            return rs.getLong(1);
        }
    }
}
