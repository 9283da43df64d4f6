package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After syncs, the target's identity sequences are past every synced key: the application, moved to
 * PostgreSQL at the cutover, inserts rows without naming their key and gets a new one, not a duplicate.
 */
class SyncIdentityIT {

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        databases.source("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, updated_at DATETIME)",
                "INSERT INTO notes VALUES (1, 'a', '2024-01-01 10:00:00'), (2, 'b', '2024-01-01 10:00:00')");
        databases.sync(options());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void anIncrementalSyncMovesTheIdentityPastTheKeysItBrought() throws Exception {
        databases.source("INSERT INTO notes VALUES (40, 'c', '2024-01-02 10:00:00')");
        assertThat(databases.sync(options()).rowsUpserted()).isEqualTo(1);

        assertThat(databases.targetValue("INSERT INTO notes (body) VALUES ('written after the cutover') "
                + "RETURNING id::text")).isEqualTo("41");
    }

    @Test
    void aFullRefreshMovesItToo() throws Exception {
        databases.source("CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT)",
                "INSERT INTO tags VALUES (1, 'x')");
        SyncOptions refresh = fullRefresh("tags");
        databases.sync(refresh);
        databases.source("INSERT INTO tags VALUES (7, 'y')");
        databases.sync(refresh);

        assertThat(databases.targetValue("INSERT INTO tags (label) VALUES ('z') RETURNING id::text")).isEqualTo("8");
    }

    private static SyncOptions options() {
        return SyncTestOptions.tables(SyncTestOptions.defaults(), "notes");
    }

    private static SyncOptions fullRefresh(String table) {
        SyncOptions options = SyncTestOptions.tables(SyncTestOptions.defaults(), table);
        return new SyncOptions(options.migration(), options.watermarkColumn(), options.tableWatermarks(),
                options.lookback(), true, null);
    }
}
