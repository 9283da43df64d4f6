package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
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
 * checksum after each sync; the watermark pitfalls (mixed text formats, sub-second precision, NULLs, numbers
 * mixed with text) and the refusals, each on its own.
 */
class SyncIT {

    private static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, "
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
    void twoSyncsWithoutChangesWriteZeroRowsEvenWithMicroseconds() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00.123456'), "
                + "(2, 'b', 2, NULL, '2024-01-01 10:00:00.123457')");
        sync(defaults());

        SyncResult second = sync(defaults());
        SyncResult third = sync(defaults());

        assertThat(second.rowsRead()).isEqualTo(2); // inside the lookback window: read again …
        assertThat(second.rowsUpserted()).isZero(); // … but unchanged, so not written
        assertThat(third.rowsUpserted()).isZero();
        assertThat(targetString("SELECT rows_upserted || '/' || high_watermark_source FROM dbferry.sync_state"))
                // SQLite's date functions keep milliseconds, so both rows are at the high-watermark instant; the
                // text is kept exactly as the source has it, and ≥ re-reads both each run rather than skipping one.
                .isIn("0/2024-01-01 10:00:00.123456", "0/2024-01-01 10:00:00.123457");
    }

    @Test
    void subSecondChangesAfterTheHighWatermarkArriveWithoutLookback() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00.500')");
        SyncOptions noLookback = lookback(defaults(), Duration.ZERO);
        sync(noLookback);

        source("INSERT INTO items VALUES (2, 'b', 2, NULL, '2024-01-01 10:00:00.700')",
                "UPDATE items SET name = 'a2' WHERE id = 1"); // same watermark: read again by ≥, so it arrives
        SyncResult result = sync(noLookback);

        assertThat(result.rowsUpserted()).isEqualTo(2);
        assertEqual(noLookback);
        assertThat(sync(noLookback).rowsUpserted()).isZero();
    }

    @Test
    void mixedTextFormatsCompareAsInstantsNotAsStrings() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01T12:00:00Z')");
        SyncOptions noLookback = lookback(defaults(), Duration.ZERO);
        sync(noLookback);

        // As strings '2024-01-01 13:00:00' < '2024-01-01T12:00:00Z' (space sorts before T): a plain > would skip it.
        source("INSERT INTO items VALUES (2, 'b', 2, NULL, '2024-01-01 13:00:00')",
                "INSERT INTO items VALUES (3, 'c', 3, NULL, '2024-01-01T14:00:00.250+02:00')"); // 12:00:00.25 UTC
        SyncResult result = sync(noLookback);

        assertThat(result.rowsUpserted()).isEqualTo(2);
        assertEqual(noLookback);
        assertThat(targetString("SELECT high_watermark_source FROM dbferry.sync_state"))
                .isEqualTo("2024-01-01 13:00:00");
    }

    /**
     * After the first sync the state knows the column holds ISO text, and later runs read a text range on the
     * raw column from 5 days before the window: rows written late near its start arrive whatever their format.
     */
    @Test
    void isoTextRowsNearTheWindowStartArriveInEveryFormatAndOnlyTheyAreRead() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-03-05 12:00:00'), (2, 'old', 1, NULL, '2024-02-01')");
        SyncOptions tenMinutes = lookback(defaults(), Duration.ofMinutes(10)); // the window starts at 11:50:00 UTC
        sync(tenMinutes);
        assertThat(targetString("SELECT watermark_kind FROM dbferry.sync_state")).isEqualTo("ISO_TEXT");

        source("INSERT INTO items VALUES (3, 't', 1, NULL, '2024-03-05T11:50:00Z'), "
                + "(4, 'space', 1, NULL, '2024-03-05 11:50:00.001'), (5, 'plus5', 1, NULL, '2024-03-05T16:50:00+05:00'), "
                + "(6, 'minus14', 1, NULL, '2024-03-04T21:00:00-14:59'), (7, 'late', 1, NULL, '2024-03-05 11:49:59.999')");
        SyncResult result = sync(tenMinutes);

        assertThat(result.rowsRead()).isEqualTo(5); // rows 1 and 3-6; row 2 is outside the text range
        assertThat(result.rowsUpserted()).isEqualTo(4);
        assertThat(targetString("SELECT string_agg(id::text, ',' ORDER BY id) FROM items")).isEqualTo("1,2,3,4,5,6");
    }

    /**
     * With the row at the high-watermark gone, the window is empty. The run must still read only the window: a
     * value written before it in a format without a leading date ('10:00', which SQLite reads as 2000-01-01) is
     * not looked at, whereas a scan of the whole column would see it and switch the column to TIMESTAMP_TEXT.
     */
    @Test
    void anEmptyWindowIsNotAReasonToScanTheWholeColumn() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00'), (2, 'b', 1, NULL, '2024-03-01')");
        sync(defaults());
        source("DELETE FROM items WHERE id = 2", "INSERT INTO items VALUES (4, 'd', 1, NULL, '10:00')");

        SyncResult empty = sync(defaults());

        assertThat(empty.rowsRead()).isZero();
        assertThat(targetString("SELECT watermark_kind FROM dbferry.sync_state")).isEqualTo("ISO_TEXT");
        source("INSERT INTO items VALUES (3, 'c', 1, NULL, '2024-03-02')");
        assertThat(sync(defaults()).rowsUpserted()).isEqualTo(1);
        assertThat(targetString("SELECT string_agg(id::text, ',' ORDER BY id) FROM items")).isEqualTo("1,2,3");
    }

    @Test
    void aNumberWrittenToAnIsoTextColumnAfterTheFirstSyncIsRefused() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00')");
        sync(defaults());
        source("INSERT INTO items VALUES (2, 'b', 2, NULL, 1704103200)"); // sorts before every text value

        assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class)
                .hasMessageContaining("mixes 1 text and 1 numeric values");
    }

    @Test
    void epochNumbersAreComparedAsNumbersWithTheLookbackInTheirUnit() throws Exception {
        source("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT, updated_at INTEGER)",
                "INSERT INTO events VALUES (1, 'a', 1704103200000), (2, 'b', 1704103260000)");
        SyncOptions options = lookback(tables(defaults(), "events"), Duration.ofSeconds(30));
        sync(options);

        source("INSERT INTO events VALUES (3, 'c', 1704103250000)"); // committed late, 10 s behind: in the window
        assertThat(sync(options).rowsUpserted()).isEqualTo(1);
        assertEqual(options);
        assertThat(targetString("SELECT watermark_kind FROM dbferry.sync_state")).isEqualTo("NUMBER");

        // Text sorts after every number, so the window holds it (and the 2 numbers of the last 30 s) and refuses it.
        source("INSERT INTO events VALUES (4, 'd', '2024-01-01 10:00:00')");
        assertThatThrownBy(() -> sync(options)).hasMessageContaining("mixes 1 text and 2 numeric values");
    }

    @Test
    void aValueTheFirstFullLoadRejectsStopsTheSyncInsteadOfBeingLeftBehind() throws Exception {
        // price is REAL: text that is not a number cannot be written; the watermark must not move past it.
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00'),"
                + " (2, 'b', 'cheap', NULL, '2024-01-01 11:00:00')");

        assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class)
                .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.VALUE_REJECTED))
                .hasMessageContaining("'cheap'");
        assertThat(targetString("SELECT count(*)::text FROM dbferry.sync_state")).isEqualTo("0");
    }

    @Test
    void aValueAnIncrementalRunRejectsNamesItsRowAndLeavesTheStateWhereItWas() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00')");
        sync(defaults());
        String high = targetString("SELECT high_watermark_source FROM dbferry.sync_state");

        source("INSERT INTO items VALUES (2, 'b', 2, NULL, '2024-01-01 11:00:00'), "
                + "(3, 'c', 'cheap', NULL, '2024-01-01 11:00:01')");
        assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class)
                .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.VALUE_REJECTED))
                .hasMessageContaining("\"items\".\"price\" at primary key (id=3), value 'cheap'");
        assertThat(targetString("SELECT high_watermark_source FROM dbferry.sync_state")).isEqualTo(high);
        assertThat(targetString("SELECT count(*)::text FROM items")).isEqualTo("1");
    }

    @Test
    void refusesNumbersMixedWithTextAndUnreadableText() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, '2024-01-01 10:00:00'), (2, 'b', 2, NULL, 1704103200)");
        assertThatThrownBy(() -> sync(defaults())).isInstanceOf(DbferryException.class)
                .hasMessageContaining("mixes 1 text and 1 numeric values")
                .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.SYNC_REFUSED));

        source("UPDATE items SET updated_at = 'yesterday' WHERE id = 2");
        assertThatThrownBy(() -> sync(defaults())).hasMessageContaining("1 text values SQLite cannot read");
        assertThat(targetString("SELECT count(*)::text FROM dbferry.sync_state")).isEqualTo("0");
    }

    @Test
    void nullWatermarksAreCountedEachRunAndLoadedByTheFullLoad() throws Exception {
        source("INSERT INTO items VALUES (1, 'a', 1, NULL, NULL), (2, 'b', 2, NULL, '2024-01-01 10:00:00')");
        SyncResult first = sync(defaults());
        assertThat(first.tables().getFirst().nullWatermarks()).isEqualTo(1);
        assertThat(first.rowsUpserted()).isEqualTo(2);

        source("INSERT INTO items VALUES (3, 'c', 3, NULL, NULL)");
        SyncResult second = sync(defaults());
        assertThat(second.tables().getFirst().nullWatermarks()).isEqualTo(2);
        assertThat(targetString("SELECT count(*)::text FROM items")).isEqualTo("2"); // NULL rows: reported, not synced
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

    private static SyncOptions defaults() {
        return tables(SyncOptions.defaults(MigrationOptions.builder().workers(2).build()), "items");
    }

    private static SyncOptions tables(SyncOptions options, String... tables) {
        MigrationOptions m = MigrationOptions.builder().tables(List.of(tables)).workers(2).build();
        return new SyncOptions(m, options.watermarkColumn(), options.tableWatermarks(), options.lookback(),
                options.fullRefresh(), options.softDeleteColumn());
    }

    private static SyncOptions lookback(SyncOptions options, Duration lookback) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(), lookback,
                options.fullRefresh(), options.softDeleteColumn());
    }

    private static SyncOptions deletes(SyncOptions options, double maxFraction, boolean force) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(),
                options.lookback(), options.fullRefresh(), null, true, maxFraction, force);
    }

    private static SyncOptions withSoftDeletes(SyncOptions options) {
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(),
                options.lookback(), options.fullRefresh(), "deleted_at");
    }

    /** Every row of every synced table compared by checksum, as {@code dbferry verify --mode checksum} does. */
    private void assertEqual(SyncOptions options) throws Exception {
        try (Connection source = SqliteSource.openReadOnly(sqlite); Connection target = database.connect()) {
            SchemaMapping mapping = SourceMapping.read(source, options.migration());
            var report = new Verifier(source, target, VerifyOptions.of(VerifyMode.CHECKSUM, 20))
                    .verify(mapping.tables(), t -> { });
            assertThat(report.differing()).isEmpty();
        }
    }

    private void source(String... statements) throws Exception {
        databases.source(statements);
    }

    private String targetString(String sql) throws Exception {
        return databases.targetValue(sql);
    }
}
