package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batches of an incremental run ({@link WindowUpsert}) against a real PostgreSQL: a window of many batches
 * arrives whole, and an upsert the target refuses in the first batch, while the reader thread waits to queue
 * more, fails the run cleanly: nothing committed, no thread left using the source, the next run works.
 */
class WindowUpsertIT {

    /** Rows of about 600 bytes: the window below spans several {@link WindowUpsert#BATCH_BYTES} batches. */
    private static final int ROWS = 12_000;

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        source("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, size INTEGER, updated_at INTEGER)",
                "CREATE INDEX notes_updated_at ON notes (updated_at)",
                "INSERT INTO notes VALUES (0, 'first', 1, 100)");
        sync(); // the full load; later runs are incremental
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void aWindowOfManyBatchesArrivesWhole() throws Exception {
        source(insertRows(1_000));

        SyncResult result = sync();

        assertThat(result.tables()).singleElement().satisfies(t -> {
            assertThat(t.mode()).isEqualTo(TableSyncResult.Mode.INCREMENTAL);
            assertThat(t.rowsUpserted()).isEqualTo(ROWS);
            assertThat(t.rowsRead()).isEqualTo(ROWS + 1); // and the row at the high-watermark, unchanged
        });
        assertThat(target("SELECT count(*) || ':' || sum(size) || ':' || sum(length(body)) FROM notes"))
                .isEqualTo(sourceValue("SELECT count(*) || ':' || sum(size) || ':' || sum(length(body)) FROM notes"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a reader left waiting to queue a batch would hang the run
    void anUpsertTheTargetRefusesStopsTheReaderAndCommitsNothing() throws Exception {
        String highAfterFullLoad = target("SELECT high_watermark_source FROM dbferry.sync_state");
        try (Connection c = databases.target().connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE notes ADD CONSTRAINT small CHECK (size < 1000000)");
        }
        source(insertRows(1_000), "UPDATE notes SET size = 5000000 WHERE id = 3"); // in the first batch

        assertThatThrownBy(this::sync).isInstanceOf(DbferryException.class)
                .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.LOAD_FAILED))
                .hasMessageContaining("notes").hasMessageContaining("small");
        assertThat(target("SELECT count(*) FROM notes")).isEqualTo("1");
        assertThat(target("SELECT high_watermark_source FROM dbferry.sync_state")).isEqualTo(highAfterFullLoad);
        assertThat(readerThreadGone()).as("the reader thread ended").isTrue();

        source("UPDATE notes SET size = 3 WHERE id = 3");
        assertThat(sync().rowsUpserted()).isEqualTo(ROWS);
    }

    @Test
    void aValueRejectedInTheLastBatchUndoesTheBatchesUpsertedBeforeIt() throws Exception {
        source(insertRows(1_000), "UPDATE notes SET size = 'big' WHERE id = " + ROWS);

        assertThatThrownBy(this::sync).isInstanceOf(DbferryException.class)
                .satisfies(e -> assertThat(((DbferryException) e).code()).isEqualTo(ErrorCode.VALUE_REJECTED))
                .hasMessageContaining("primary key (id=" + ROWS + ")");
        assertThat(target("SELECT count(*) FROM notes")).isEqualTo("1");
    }

    /**
     * Whether no reader thread is left, allowing it 5 s to finish exiting: its executor reports termination
     * once its task is done, a moment before the thread itself ends.
     */
    private static boolean readerThreadGone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("dbferry-sync-reader"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** {@value #ROWS} rows with 600-character bodies and watermarks from {@code firstWatermark} up. */
    private static String insertRows(int firstWatermark) {
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                + "INSERT INTO notes SELECT i, printf('%.600c', char(97 + i % 26)), i, " + firstWatermark + " + i FROM n";
    }

    private SyncResult sync() {
        SyncOptions options = new SyncOptions(MigrationOptions.builder().tables(List.of("notes")).workers(2).build(),
                SyncOptions.DEFAULT_WATERMARK_COLUMN, Map.of(), Duration.ZERO, false, null);
        return databases.sync(options);
    }

    private void source(String... statements) throws Exception {
        databases.source(statements);
    }

    private String sourceValue(String query) throws Exception {
        return databases.sourceValue(query);
    }

    private String target(String sql) throws Exception {
        return databases.targetValue(sql);
    }
}
