package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One table of a sync fails (a value its column's transform rejects): the others are still synced and
 * committed, the failed one keeps its rows and its high-watermark, and once the source is mended the next sync
 * brings it.
 */
class SyncPartialFailureIT {

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        databases.source("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER, updated_at DATETIME)",
                "CREATE TABLE labels (id INTEGER PRIMARY KEY, label TEXT, updated_at DATETIME)",
                "INSERT INTO counters VALUES (1, 10, '2024-01-01 10:00:00')",
                "INSERT INTO labels VALUES (1, 'a', '2024-01-01 10:00:00')");
        databases.sync(options());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void theOtherTablesAreSyncedAndTheFailedOneArrivesOnceMended() throws Exception {
        String watermark = databases.targetValue("SELECT high_watermark_source FROM dbferry.sync_state "
                + "WHERE target_table = 'counters'");
        // "counters" sorts first: before, its failure ended the run and "labels" waited for it, run after run.
        databases.source("INSERT INTO counters VALUES (2, 'many', '2024-01-02 10:00:00')",
                "INSERT INTO labels VALUES (2, 'b', '2024-01-02 10:00:00')");

        SyncFailedException failed = catchThrowableOfType(SyncFailedException.class,
                () -> databases.sync(options()));

        assertThat(failed.code()).isEqualTo(ErrorCode.VALUE_REJECTED);
        assertThat(failed.getMessage()).contains("counters").contains("many");
        assertThat(failed.failures()).containsOnlyKeys(new TableId("public", "counters"));
        assertThat(failed.partial().tables()).singleElement().satisfies(t -> {
            assertThat(t.target().name()).isEqualTo("labels");
            assertThat(t.rowsUpserted()).isEqualTo(1);
        });
        assertThat(databases.targetValue("SELECT string_agg(label, ',' ORDER BY id) FROM labels")).isEqualTo("a,b");
        assertThat(databases.targetValue("SELECT count(*)::text FROM counters")).isEqualTo("1");
        assertThat(databases.targetValue("SELECT high_watermark_source FROM dbferry.sync_state "
                + "WHERE target_table = 'counters'")).isEqualTo(watermark);

        databases.source("UPDATE counters SET n = 2, updated_at = '2024-01-02 10:00:01' WHERE id = 2");
        SyncResult mended = databases.sync(options());

        assertThat(mended.verificationFailed()).isFalse();
        assertThat(databases.targetValue("SELECT string_agg(id || ':' || n, ',' ORDER BY id) FROM counters"))
                .isEqualTo("1:10,2:2");
    }

    private static SyncOptions options() {
        return SyncTestOptions.tables(SyncTestOptions.defaults(), "counters", "labels");
    }
}
