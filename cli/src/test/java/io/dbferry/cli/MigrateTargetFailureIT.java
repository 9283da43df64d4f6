package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement error on the target that is not the row's fault — disk full (SQLSTATE 53100), raised by a trigger
 * on the 450th row — rolls the chunk back, fails naming the table and the chunk, keeps every committed chunk, and
 * {@code --resume} once the cause is gone ends with a target equal to a clean run's.
 */
class MigrateTargetFailureIT {

    private static final int ROWS = 1_000;

    @TempDir
    Path dir;
    private TestDatabase failing;
    private TestDatabase clean;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        failing = TestPostgres.freshDatabase();
        clean = TestPostgres.freshDatabase();
        source = dir.resolve("items.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE owners (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            s.execute("INSERT INTO owners VALUES (1, 'a'), (2, 'b')");
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owners (id), "
                    + "name TEXT UNIQUE)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO items SELECT i, 1 + i % 2, 'item ' || i FROM n");
        }
        try (Connection c = failing.connect(); Statement s = c.createStatement()) {
            // Once dbferry creates public.items, a trigger makes its 450th row fail as a full disk would.
            s.execute("create schema hooks");
            s.execute("create function hooks.disk_full() returns trigger language plpgsql as $$ begin "
                    + "if new.id = 450 then raise exception 'could not extend file \"base/16384/16385\": No space "
                    + "left on device' using errcode = 'disk_full', hint = 'Check free disk space.'; end if; "
                    + "return new; end $$");
            s.execute("create function hooks.arm() returns event_trigger language plpgsql as $$ begin "
                    + "if exists (select 1 from pg_event_trigger_ddl_commands() where object_identity = 'public.items') "
                    + "then create trigger disk_full before insert on public.items for each row "
                    + "execute function hooks.disk_full(); end if; end $$");
            s.execute("create event trigger arm on ddl_command_end when tag in ('CREATE TABLE') "
                    + "execute function hooks.arm()");
        }
    }

    @AfterEach
    void dropDatabases() throws Exception {
        failing.close();
        clean.close();
    }

    @Test
    void diskFullRollsTheChunkBackNamesItAndResumeEndsEqualToACleanRun() throws Exception {
        CommandRun full = migrate(failing);

        assertThat(full.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(full.err()).contains("dbferry: error: failed writing chunk 5 of 10 of \"main\".\"items\" (rowid ")
                .contains("to \"public\".\"items\" on the target: ERROR: could not extend file")
                .contains("No space left on device")
                .contains("the chunk's transaction was rolled back")
                .contains("The target keeps the 402 rows of the 5 chunks committed before the failure")
                .contains("run the same command with --resume").contains("[LOAD_FAILED]");
        assertThat(full.err().lines().filter(l -> l.startsWith("dbferry: error:"))).hasSize(1);
        assertThat(TargetSnapshot.strings(failing, "select count(*)::text || ' ' || max(id) from public.items"))
                .containsExactly("400 400");
        assertThat(TargetSnapshot.count(failing, "select sum(rows_written) from dbferry.migration_chunk "
                + "where target_table = 'items'")).isEqualTo(400);
        assertThat(TargetSnapshot.strings(failing, "select state from dbferry.migration_run")).containsExactly("failed");

        try (Connection c = failing.connect(); Statement s = c.createStatement()) {
            s.execute("drop event trigger arm");
            s.execute("drop trigger disk_full on public.items");
        }
        CommandRun resumed = migrate(failing, "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(TargetSnapshot.count(failing, "select count(distinct id) from public.items")).isEqualTo(ROWS);
        CommandRun uninterrupted = migrate(clean);
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        TargetSnapshot.assertSame(failing, clean);
    }

    private CommandRun migrate(TestDatabase target, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", source.toString(), TargetArgument.of(target),
                "--quiet", "--rejects", dir.resolve("rejects").toString(), "--batch-rows", "100", "--workers", "1"));
        args.addAll(List.of(options));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
