package io.dbferry.transfer.sync;

import static io.dbferry.transfer.sync.SyncTestOptions.defaults;
import static io.dbferry.transfer.sync.SyncTestOptions.lookback;
import static io.dbferry.transfer.sync.SyncTestOptions.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sync}'s watermark pitfalls against a real PostgreSQL, each on its own: text timestamps in mixed
 * formats, sub-second precision, epoch numbers, numbers mixed with text, values a transform rejects, NULL
 * watermarks.
 */
class SyncWatermarkIT {

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        source("PRAGMA journal_mode=WAL", SyncIT.ITEMS);
    }

    @AfterEach
    void tearDown() {
        databases.close();
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

    private SyncResult sync(SyncOptions options) {
        return databases.sync(options);
    }

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
