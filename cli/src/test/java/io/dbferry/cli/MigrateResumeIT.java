package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --resume} against a real PostgreSQL: a migration stopped mid-table is continued from its
 * checkpoints and ends with a target identical to an uninterrupted run's, table by table and value by value,
 * with the same keys, indexes, foreign keys and sequences.
 */
class MigrateResumeIT {

    private static final String[] TABLES = {"parent", "child"};

    @TempDir
    Path dir;
    private TestDatabase interrupted;
    private TestDatabase clean;
    private Path source;

    @BeforeEach
    void setUp() throws SQLException {
        interrupted = TestPostgres.freshDatabase();
        clean = TestPostgres.freshDatabase();
        source = dir.resolve("resume.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), "
                    + "amount REAL, flag BOOLEAN, note TEXT)");
            s.execute("CREATE INDEX child_amount ON child (amount)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                    + "INSERT INTO parent SELECT i, 'p' || i FROM n");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                    + "INSERT INTO child SELECT i, 1 + i % 300, i / 7.0, i % 2, 'n' || i FROM n");
            // Row 650 of child stops a run with --on-error stop, in its 7th chunk of 100 rows.
            s.execute("UPDATE child SET flag = 'maybe' WHERE id = 650");
        }
    }

    @AfterEach
    void dropDatabases() throws Exception {
        interrupted.close();
        clean.close();
    }

    @Test
    void resumedRunEndsIdenticalToAnUninterruptedOne() throws Exception {
        CommandRun stopped = migrate(interrupted, "--on-error", "stop");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stopped.err()).contains("[VALUE_REJECTED]")
                .contains("to continue with the other chunks, run the same command with --resume");
        assertThat(longs(interrupted, "select count(*) from dbferry.migration_chunk")).isPositive();
        assertThat(strings(interrupted, "select state from dbferry.migration_run")).containsExactly("failed");

        CommandRun again = migrate(interrupted);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("did not finish").contains("with --resume to continue it")
                .contains("with --if-exists drop to start over").contains("[UNFINISHED_RUN]");

        CommandRun otherPlan = migrate(interrupted, "--resume", "--tables", "parent,child");
        assertThat(otherPlan.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(otherPlan.err()).contains("was started with other options").contains("[CANNOT_RESUME]");

        CommandRun resumed = migrate(interrupted, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(resumed.err()).contains("child: 1,000 rows read = 999 written + 1 rejected");
        assertThat(strings(interrupted, "select state from dbferry.migration_run")).containsExactly("finished");

        CommandRun uninterrupted = migrate(clean);
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        for (String table : TABLES) {
            assertThat(strings(interrupted, "select t::text from public." + table + " t order by id"))
                    .as(table).hasSizeGreaterThan(1)
                    .isEqualTo(strings(clean, "select t::text from public." + table + " t order by id"));
        }
        for (String catalog : List.of(
                "select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint "
                        + "where connamespace = 'public'::regnamespace order by 1",
                "select indexdef from pg_indexes where schemaname = 'public' order by 1",
                "select sequencename || ' ' || coalesce(last_value, 0) from pg_sequences where schemaname = 'public' "
                        + "order by 1")) {
            assertThat(strings(interrupted, catalog)).as(catalog).isEqualTo(strings(clean, catalog));
        }
    }

    @Test
    void resumeWithoutAnUnfinishedRunSaysSo() {
        CommandRun run = migrate(clean, "--resume");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("there is no unfinished migration into schema \"public\" to resume")
                .contains("[CANNOT_RESUME]");
    }

    @Test
    void refusesToResumeWhenATargetTableChangedSinceTheRunStopped() throws Exception {
        CommandRun stopped = migrate(interrupted, "--on-error", "stop");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.FAILURE);
        long parentRows = longs(interrupted, "select count(*) from public.parent");
        assertThat(parentRows).isPositive();
        try (java.sql.Connection c = interrupted.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("delete from public.parent where ctid = (select min(ctid) from public.parent)");
        }

        CommandRun resumed = migrate(interrupted, "--resume");

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(resumed.err()).contains("holds " + (parentRows - 1) + " rows")
                .contains("changed since the run stopped").contains("[CANNOT_RESUME]");
    }

    @Test
    void resumesATruncateRunWhoseKeptTablesHaveAForeignKey() throws Exception {
        keptTables(interrupted);
        keptTables(clean);

        CommandRun stopped = migrate(interrupted, "--if-exists", "truncate", "--on-error", "stop");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stopped.err()).contains("[VALUE_REJECTED]").contains("run the same command with --resume");
        CommandRun resumed = migrate(interrupted, "--if-exists", "truncate", "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(resumed.err()).contains("child: 1,000 rows read = 999 written + 1 rejected");
        CommandRun uninterrupted = migrate(clean, "--if-exists", "truncate");
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        TargetSnapshot.assertSame(interrupted, clean);
        assertThat(strings(interrupted, "select count(*) from pg_constraint where contype = 'f' "
                + "and connamespace = 'public'::regnamespace")).containsExactly("1");
    }

    @Test
    void resumesARunStoppedWhileCreatingTheForeignKeys() throws Exception {
        addNotes();
        // note has no key, so a lock that lets COPY in (SHARE UPDATE EXCLUSIVE) holds its foreign key back.
        CommandRun stopped = stopBlocked(interrupted, "lock table public.note in share update exclusive mode",
                "%foreign key%");

        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stopped.err()).contains("creating the foreign keys failed on the target")
                .contains("[DDL_FAILED]");
        assertThat(strings(interrupted, "select count(*) from pg_constraint where contype = 'f' "
                + "and connamespace = 'public'::regnamespace")).containsExactly("0");
        assertResumedEqualsCleanRun();
    }

    @Test
    void resumesARunStoppedAfterTheForeignKeysWereCreated() throws Exception {
        addNotes();
        // The identity restart comes after the foreign keys: a lock on parent's sequence holds it back.
        CommandRun stopped = stopBlocked(interrupted, "alter sequence public.parent_id_seq increment by 1",
                "%setval%");

        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stopped.err()).contains("restarting identity sequences failed on the target")
                .contains("[DDL_FAILED]");
        assertThat(strings(interrupted, "select count(*) from pg_constraint where contype = 'f' "
                + "and connamespace = 'public'::regnamespace")).containsExactly("2");
        assertThat(strings(interrupted, "select state from dbferry.migration_run")).containsExactly("running");
        assertResumedEqualsCleanRun();
    }

    /** Resumes the run into {@code interrupted} and compares it with an uninterrupted run into {@code clean}. */
    private void assertResumedEqualsCleanRun() throws Exception {
        CommandRun resumed = migrate(interrupted, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(resumed.err()).contains("child: 1,000 rows read = 999 written + 1 rejected");
        assertThat(strings(interrupted, "select state from dbferry.migration_run")).containsExactly("finished");
        CommandRun uninterrupted = migrate(clean);
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        TargetSnapshot.assertSame(interrupted, clean);
        assertThat(java.nio.file.Files.readAllLines(rejectsOf(interrupted).resolve("child.jsonl")))
                .isEqualTo(java.nio.file.Files.readAllLines(rejectsOf(clean).resolve("child.jsonl"))).hasSize(1);
    }

    /**
     * Runs a migration that takes {@code lock} in a session of the test's once the tables exist, waits until
     * the migration's statement matching {@code blockedQuery} waits for that lock, then terminates its backend.
     */
    private CommandRun stopBlocked(TestDatabase target, String lock, String blockedQuery) throws Exception {
        Connection holder = target.connect();
        try {
            holder.setAutoCommit(false);
            CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.withHook(
                    "dbferry: loading ", () -> {
                        try (Statement s = holder.createStatement()) {
                            s.execute(lock);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, args(target).toArray(String[]::new)));
            terminateWaiting(target, running, blockedQuery);
            return running.get(120, TimeUnit.SECONDS);
        } finally {
            holder.close();
        }
    }

    private static void terminateWaiting(TestDatabase target, CompletableFuture<CommandRun> running,
            String blockedQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = target.connect(); PreparedStatement kill = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and wait_event_type = 'Lock' and query ilike ?")) {
            kill.setString(1, blockedQuery);
            while (System.nanoTime() < deadline && !running.isDone()) {
                try (ResultSet rs = kill.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no statement like " + blockedQuery + " waited for the lock: "
                + (running.isDone() ? running.get().err() : "still running"));
    }

    /** A table with no key and a foreign key to parent. */
    private void addNotes() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (parent_id INTEGER REFERENCES parent(id), body TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
                    + "INSERT INTO note SELECT 1 + i % 300, 'note ' || i FROM n");
        }
    }

    /** parent and child as a user created them, with a foreign key, for --if-exists truncate to keep. */
    private static void keptTables(TestDatabase target) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.parent (id bigint generated by default as identity primary key, "
                    + "name text not null unique)");
            s.execute("create table public.child (id bigint generated by default as identity primary key, "
                    + "parent_id bigint constraint child_parent references public.parent (id), amount double precision, "
                    + "flag boolean, note text)");
            s.execute("create index child_amount on public.child (amount)");
            s.execute("insert into public.parent (name) values ('old')");
        }
    }

    private Path rejectsOf(TestDatabase target) {
        return dir.resolve("rejects-" + target.hashCode());
    }

    private List<String> args(TestDatabase target, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", source.toString(), TargetArgument.of(target),
                "--rejects", rejectsOf(target).toString(), "--batch-rows", "100", "--workers", "2"));
        args.addAll(List.of(options));
        return args;
    }

    private CommandRun migrate(TestDatabase target, String... options) {
        List<String> args = args(target, options);
        args.add("--quiet");
        return CommandRun.of(args.toArray(String[]::new));
    }

    private static List<String> strings(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long longs(TestDatabase database, String sql) throws SQLException {
        return Long.parseLong(strings(database, sql).getFirst());
    }
}
