package io.dbferry.transfer.sync;

import static io.dbferry.transfer.sync.SyncTestOptions.defaults;
import static io.dbferry.transfer.sync.SyncTestOptions.deletes;
import static io.dbferry.transfer.sync.SyncTestOptions.tables;
import static io.dbferry.transfer.sync.SyncTestOptions.withSoftDeletes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sync} against a real PostgreSQL: changes made in SQLite between syncs arrive, every row compared by
 * checksum after each sync; deletes, refusals, the state's transaction, the lock and a concurrent writer. The
 * watermark pitfalls are in {@link SyncWatermarkIT}.
 */
class SyncIT {

    static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, "
            + "deleted_at TEXT, updated_at DATETIME)";

    @TempDir
    Path dir;
    private SyncTestDatabases databases;
    private TestDatabase database;
    private PostgresTarget pool;
    private Path sqlite;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        database = databases.target();
        pool = databases.pool();
        sqlite = databases.sqlite();
        source("PRAGMA journal_mode=WAL", ITEMS);
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void insertsUpdatesAndSoftDeletesArriveAndTargetEqualsSourceAfterEachSync() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1.5, NULL, '2024-01-01 10:00:00'), "
                + "(2, 'b', 2.5, NULL, '2024-01-01 10:00:01'), (3, 'c', NULL, NULL, '2024-01-01 10:00:02')");
        SyncOptions options = withSoftDeletes(defaults());

        SyncResult first = sync(options);
        assertThat(first.tables()).singleElement().satisfies(t -> {
            assertThat(t.mode()).isEqualTo(TableSyncResult.Mode.FULL_LOAD);
            assertThat(t.rowsUpserted()).isEqualTo(3);
        });
        assertEqual(options);

        source("INSERT INTO items VALUES (4, 'd', 4.0, NULL, '2024-01-01 11:00:00')",
                "UPDATE items SET name = 'b2', updated_at = '2024-01-01 11:00:01' WHERE id = 2",
                "UPDATE items SET deleted_at = '2024-01-01 11:00:02', updated_at = '2024-01-01 11:00:02' WHERE id = 3");
        SyncResult second = sync(options);
        assertThat(second.tables()).singleElement().satisfies(t -> {
            assertThat(t.mode()).isEqualTo(TableSyncResult.Mode.INCREMENTAL);
            assertThat(t.rowsUpserted()).isEqualTo(3);
        });
        assertEqual(options);
        assertThat(targetString("SELECT deleted_at::text FROM items WHERE id = 3")).isEqualTo("2024-01-01 11:00:02");

        source("UPDATE items SET price = 9.25, updated_at = '2024-01-01 12:00:00' WHERE id = 1");
        assertThat(sync(options).rowsUpserted()).isEqualTo(1);
        assertEqual(options);
    }

    @Test
    void hardDeletesAreDetectedByMergingSortedKeysAndDeletedInBatches() throws Exception {
        source("CREATE TABLE tags (code TEXT PRIMARY KEY, label TEXT, updated_at DATETIME)");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            values.append(i == 0 ? "" : ", ").append("('k").append(i).append("', 'é").append(i)
                    .append("', '2024-01-01 10:00:00')");
        }
        source("INSERT INTO tags VALUES " + values, "INSERT INTO tags VALUES ('Zebra', 'z', '2024-01-01'), "
                + "('apple', 'a', '2024-01-01'), ('ä', 'umlaut', '2024-01-01')");
        SyncOptions detect = deletes(tables(defaults(), "tags"), 0.1, false);
        sync(detect);

        // 2,003 rows; 3 of them spread over the key order, including text that sorts differently by locale.
        source("DELETE FROM tags WHERE code IN ('Zebra', 'k1500', 'ä')");
        SyncResult result = sync(detect);

        assertThat(result.tables().getFirst().rowsDeleted()).isEqualTo(3);
        assertEqual(detect);
    }

    @Test
    void detectRefusesToDeleteMoreThanTheMaxFractionUnlessForced() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01'), (2, 'b', 2, NULL, '2024-01-01'), "
                + "(3, 'c', 3, NULL, '2024-01-01')");
        sync(deletes(defaults(), 0.1, false));
        source("DELETE FROM items WHERE id IN (1, 3)");

        assertThatThrownBy(() -> sync(deletes(defaults(), 0.5, false)))
                .hasMessageContaining("would delete 2 of the 3 rows of \"public\".\"items\" (66.7%)")
                .hasMessageContaining("--force-deletes");
        assertThat(targetString("SELECT count(*)::text FROM items")).isEqualTo("3");

        assertThat(sync(deletes(defaults(), 0.5, true)).tables().getFirst().rowsDeleted()).isEqualTo(2);
        assertEqual(defaults());
    }

    @Test
    void refusesTablesWithoutPrimaryKeyOrWatermarkUnlessFullRefresh() throws Exception {
        source("CREATE TABLE log (line TEXT, updated_at TEXT)", "INSERT INTO log VALUES ('x', '2024-01-01')");
        SyncOptions log = tables(defaults(), "log");
        assertThatThrownBy(() -> sync(log)).hasMessageContaining("table \"log\" has no primary key")
                .hasMessageContaining("--full-refresh");
        SyncOptions noColumn = tables(new SyncOptions(defaults().migration(), "changed", Map.of(),
                SyncOptions.DEFAULT_LOOKBACK, false, null), "items");
        assertThatThrownBy(() -> sync(noColumn)).hasMessageContaining("has no watermark column \"changed\"");

        SyncOptions refresh = new SyncOptions(log.migration(), "updated_at", Map.of(), Duration.ZERO, true, null);
        sync(refresh);
        source("INSERT INTO log VALUES ('y', NULL)", "UPDATE log SET line = 'x2'");
        SyncResult again = sync(refresh);
        assertThat(again.tables().getFirst().mode()).isEqualTo(TableSyncResult.Mode.FULL_REFRESH);
        assertEqual(refresh);
    }

    @Test
    void stateIsCommittedWithTheRowsItCovers() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00')");
        sync(defaults());
        source("INSERT INTO items VALUES (2, 'b', 2.5, NULL, '2024-01-02 10:00:00')");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE items ADD CONSTRAINT no_b CHECK (name <> 'b')"); // the upsert will fail
        }
        assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class);
        assertThat(targetString("SELECT high_watermark_source FROM dbferry.sync_state"))
                .isEqualTo("2024-01-01 10:00:00"); // rolled back with the rows

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE items DROP CONSTRAINT no_b");
        }
        assertThat(sync(defaults()).rowsUpserted()).isEqualTo(1);
        assertEqual(defaults());
    }

    /**
     * The sync's backend is killed after its upsert wrote the rows and while it waits to write the state (a SHARE
     * lock on {@code dbferry.sync_state} holds it there): neither the rows nor the state stay, and the next sync
     * reads the same rows again and ends equal to the source.
     */
    @Test
    void aSyncKilledAfterItsUpsertKeepsNeitherRowsNorStateAndTheNextOneEndsEqual() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00'), (2, 'b', 2, NULL, '2024-01-01 10:00:01')");
        sync(defaults());
        source("UPDATE items SET name = 'b2', updated_at = '2024-01-02 10:00:00' WHERE id = 2",
                "INSERT INTO items VALUES (3, 'c', 3, NULL, '2024-01-02 10:00:01')");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection locker = database.connect(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE dbferry.sync_state IN SHARE MODE");
            Future<SyncResult> running = executor.submit(() -> sync(defaults()));
            terminate(blockedBackend());
            assertThatThrownBy(running::get).hasCauseInstanceOf(DbferryException.class)
                    .hasMessageContaining("failed writing dbferry.sync_state of \"public\".\"items\"");
            locker.rollback();
        } finally {
            executor.shutdownNow();
        }
        assertThat(targetString("SELECT string_agg(id || name, ',' ORDER BY id) FROM items")).isEqualTo("1a,2b");
        assertThat(targetString("SELECT high_watermark_source FROM dbferry.sync_state")).isEqualTo("2024-01-01 10:00:01");

        assertThat(sync(defaults()).rowsUpserted()).isEqualTo(2);
        assertEqual(defaults());
    }

    /** The backend waiting for a lock in this test's database, once it waits; fails after 10 s. */
    private int blockedBackend() throws Exception {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND datname = current_database() AND query LIKE 'INSERT INTO dbferry.sync_state%'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sync never waited for the lock on dbferry.sync_state");
    }

    private void terminate(int pid) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.execute();
        }
    }

    @Test
    void aSecondSyncAgainstTheSameSchemaIsRefusedWhileTheLockIsHeld() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00')");
        try (SyncLock held = SyncLock.acquire(pool.dataSource(), "public")) {
            assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class)
                    .hasMessageContaining("another dbferry sync is running against schema \"public\"")
                    .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.SYNC_LOCKED));
        }
        assertThat(sync(defaults()).rowsUpserted()).isEqualTo(1);
    }

    /**
     * A writer keeps inserting and updating on its own WAL connection while two syncs run. A transaction can
     * take its timestamp before a sync's snapshot yet commit after it, with a timestamp below the high-watermark
     * that sync saved; the next sync still reads it because it reads from the high-watermark minus the lookback,
     * which is far longer than any such transaction.
     */
    @Test
    void concurrentWriterEndsEqualAfterOneMoreSync() throws Exception {
        source("INSERT INTO items VALUES (1, 'seed', 0, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        SyncOptions options = defaults();
        sync(options);
        List<Throwable> writerFailures = new ArrayList<>();
        Thread writer = new Thread(() -> write(writerFailures), "sqlite-writer");
        writer.start();
        try {
            waitForSourceRows(10);
            sync(options);
            waitForSourceRows(Long.parseLong(databases.sourceValue("SELECT count(*) FROM items")) + 10);
            SyncResult during = sync(options);
            assertThat(writer.isAlive()).as("the writer was still writing").isTrue();
            assertThat(during.rowsUpserted()).as("rows written between the two syncs").isPositive();
        } finally {
            writer.interrupt();
            writer.join();
        }
        assertThat(writerFailures).isEmpty();
        sync(options);
        assertEqual(options);
        assertThat(targetString("SELECT (count(*) > 1)::text FROM items")).isEqualTo("true");
    }

    /** Waits until the writer has brought the source to at least {@code rows} rows. */
    private void waitForSourceRows(long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Long.parseLong(databases.sourceValue("SELECT count(*) FROM items")) < rows) {
            assertThat(System.nanoTime()).as("the writer reached " + rows + " rows").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private void write(List<Throwable> failures) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            c.createStatement().execute("PRAGMA busy_timeout = 5000");
            for (int i = 2; !Thread.currentThread().isInterrupted(); i++) {
                c.createStatement().execute("INSERT INTO items VALUES (" + i + ", 'w', " + i
                        + ", NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'))");
                c.createStatement().execute("UPDATE items SET price = price + 1, updated_at = "
                        + "strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = " + (i / 2));
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private SyncResult sync(SyncOptions options) {
        return databases.sync(options);
    }

    /** Every row of every synced table compared by checksum, as {@code dbferry verify --mode checksum} does. */
    private void assertEqual(SyncOptions options) throws Exception {
        databases.assertTargetEqualsSource(options);
    }

    private void source(String... statements) throws Exception {
        databases.source(statements);
    }

    private String targetString(String sql) throws Exception {
        return databases.targetValue(sql);
    }
}
