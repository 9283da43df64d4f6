package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source is only read, and names reach SQL only as quoted identifiers, against a real PostgreSQL. */
class MigrateSafetyIT {

    private static final String HOSTILE = "x\"; DROP TABLE y; --";

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.freshDatabase();
        source = dir.resolve("source.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"x\"\"; DROP TABLE y; --\" (id INTEGER PRIMARY KEY, \"v'); DROP TABLE y; --\" TEXT)");
            s.execute("INSERT INTO \"x\"\"; DROP TABLE y; --\" VALUES (1, 'a''; DROP TABLE y; --'), (2, 'b')");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.y (id int)");
            s.execute("insert into public.y values (42)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void leavesTheSourceFilesBytesAndModificationTimeUnchanged() throws Exception {
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_600_000_000_000L));
        byte[] bytes = Files.readAllBytes(source);
        String target = TargetArgument.of(database);

        List<CommandRun> runs = List.of(
                CommandRun.of("migrate", source.toString(), target, "--quiet", "--rejects", dir.resolve("r").toString()),
                CommandRun.of("verify", source.toString(), target, "--mode", "checksum"),
                CommandRun.of("compare", source.toString(), target),
                CommandRun.of("inspect", source.toString()));

        assertThat(runs.getFirst().exitCode()).as(runs.getFirst().err()).isZero();
        assertThat(runs.get(1).exitCode()).as(runs.get(1).err() + runs.get(1).out()).isZero();
        assertThat(Files.readAllBytes(source)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("source.sqlite-journal",
                "source.sqlite-wal", "source.sqlite-shm");
    }

    @Test
    void migratesATableNamedLikeAnInjectionAsThatNameAndDropsNothing() throws Exception {
        CommandRun run = CommandRun.of("migrate", source.toString(), TargetArgument.of(database), "--quiet",
                "--rejects", dir.resolve("r").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(strings("select relname from pg_class where relnamespace = 'public'::regnamespace "
                + "and relkind = 'r' order by 1")).containsExactly(HOSTILE, "y");
        assertThat(strings("select id from public.y")).containsExactly("42");
        assertThat(strings("select \"v'); DROP TABLE y; --\" from public.\"x\"\"; DROP TABLE y; --\" order by id"))
                .containsExactly("a'; DROP TABLE y; --", "b");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
