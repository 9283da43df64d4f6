package io.dbferry.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbferry migrate --cast} end to end: the values PostgreSQL holds afterwards, read back with JDBC, and
 * the exit code of a rule that matches nothing. Expected instants are computed with java.time.
 */
class MigrateCastRulesIT {

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path sqlite;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.freshDatabase();
        sqlite = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, created INTEGER, seen DATETIME)");
            s.executeUpdate("INSERT INTO t VALUES (1, 1700000000123, '2024-03-10 14:30:00+02:00')");
            s.executeUpdate("INSERT INTO t VALUES (2, 1000, '2024-03-10 14:30:00.5')");
            s.executeUpdate("INSERT INTO t VALUES (3, '86400000', 1700000000)");
            s.executeUpdate("INSERT INTO t VALUES (4, NULL, NULL)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void migratesWithColumnAndTypeRulesAndTheValuesReadBackExactly() throws Exception {
        CommandRun run = CommandRun.of("migrate", sqlite.toString(), TargetArgument.of(database),
                "--cast", "column t.created to timestamp using epoch-ms", "--cast", "type datetime to timestamptz");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<LocalDateTime> created = new ArrayList<>();
        List<Instant> seen = new ArrayList<>();
        try (Connection target = database.connect(); Statement s = target.createStatement();
                ResultSet rs = s.executeQuery("select created, seen from public.t order by id")) {
            while (rs.next()) {
                created.add(rs.getObject("created", LocalDateTime.class));
                OffsetDateTime instant = rs.getObject("seen", OffsetDateTime.class);
                seen.add(instant == null ? null : instant.toInstant());
            }
        }
        // Without the rule, 1000 would be read as Julian day 1000 (4711 BC).
        assertThat(created).containsExactly(utc(Instant.ofEpochMilli(1_700_000_000_123L)),
                utc(Instant.ofEpochMilli(1_000)), utc(Instant.ofEpochMilli(86_400_000)), null);
        // An offset keeps its instant; text without one and numbers are UTC.
        assertThat(seen).containsExactly(OffsetDateTime.parse("2024-03-10T14:30:00+02:00").toInstant(),
                LocalDateTime.of(2024, 3, 10, 14, 30, 0, 500_000_000).toInstant(ZoneOffset.UTC),
                Instant.ofEpochSecond(1_700_000_000L), null);
        assertThat(columnTypes()).containsExactly("bigint", "timestamp without time zone", "timestamp with time zone");
    }

    @Test
    void ruleMatchingNoColumnExitsWithCodeTwoAndCreatesNothing() throws Exception {
        CommandRun run = CommandRun.of("migrate", sqlite.toString(), TargetArgument.of(database),
                "--cast", "type datetime to timestamptz", "--cast", "column t.updated to timestamptz");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        // Progress lines come first; the error is one line, the last.
        assertThat(run.err().lines().filter(l -> l.startsWith("dbferry: error: "))).as(run.err()).singleElement(
                as(STRING)).isEqualTo("dbferry: error: cast rule \"column t.updated to timestamptz\" matched no"
                        + " column: table \"t\" has no column \"updated\". Correct or remove the rule: dbferry inspect SOURCE lists"
                        + " the tables, columns and declared types, and --tables/--exclude decide which tables are"
                        + " migrated [CAST_RULE_UNMATCHED]");
        assertThat(run.err().lines().toList().getLast()).startsWith("dbferry: error: ");
        assertThat(run.err()).doesNotContain("\tat ");
        try (Connection target = database.connect(); Statement s = target.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_class c join pg_namespace n"
                        + " on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema')"
                        + " and n.nspname not like 'pg_toast%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("relations on the target").isZero();
        }
    }

    private List<String> columnTypes() throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection target = database.connect(); Statement s = target.createStatement();
                ResultSet rs = s.executeQuery("select format_type(atttypid, atttypmod) from pg_attribute"
                        + " where attrelid = 'public.t'::regclass and attnum > 0 order by attnum")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
