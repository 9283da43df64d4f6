package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sync} of tables joined by a foreign key, whose child ("album") sorts before its parent ("artist"): a
 * new child row of a new parent arrives, and with {@code --deletes detect} a child and its parent deleted in
 * the source are deleted in the target — the target's foreign key, created by the first sync, checked all along.
 */
class SyncForeignKeyIT {

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new SyncTestDatabases(dir);
        databases.source("CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT, updated_at DATETIME)",
                "CREATE TABLE album (id INTEGER PRIMARY KEY, artist_id INTEGER NOT NULL REFERENCES artist (id), "
                        + "title TEXT, updated_at DATETIME)",
                "INSERT INTO artist VALUES (1, 'AC/DC', '2024-01-01 10:00:00')",
                "INSERT INTO album VALUES (1, 1, 'Back in Black', '2024-01-01 10:00:00')");
        databases.sync(options(false));
        assertThat(databases.targetValue("SELECT count(*)::text FROM pg_constraint WHERE contype = 'f' "
                + "AND conrelid = 'public.album'::regclass AND confrelid = 'public.artist'::regclass")).isEqualTo("1");
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void upsertsTheParentBeforeTheChildThatReferencesIt() throws Exception {
        databases.source("INSERT INTO artist VALUES (2, 'Accept', '2024-01-02 10:00:00')",
                "INSERT INTO album VALUES (2, 2, 'Balls to the Wall', '2024-01-02 10:00:00')");

        SyncResult result = databases.sync(options(false));

        assertThat(result.tables()).extracting(t -> t.target().name(), TableSyncResult::rowsUpserted)
                .containsExactly(tuple("album", 1L),
                        tuple("artist", 1L));
        assertThat(databases.targetValue("SELECT string_agg(al.title || '/' || ar.name, ',' ORDER BY al.id) "
                + "FROM album al JOIN artist ar ON ar.id = al.artist_id")).isEqualTo("Back in Black/AC/DC,"
                + "Balls to the Wall/Accept");
    }

    @Test
    void deletesTheChildBeforeTheParentItReferences() throws Exception {
        databases.source("INSERT INTO artist VALUES (2, 'Accept', '2024-01-02 10:00:00')",
                "INSERT INTO album VALUES (2, 2, 'Balls to the Wall', '2024-01-02 10:00:00')");
        databases.sync(options(true));
        databases.source("DELETE FROM album WHERE id = 1", "DELETE FROM artist WHERE id = 1");

        SyncResult result = databases.sync(options(true));

        assertThat(result.tables()).allSatisfy(t -> assertThat(t.rowsDeleted()).isEqualTo(1));
        assertThat(databases.targetValue("SELECT string_agg(id::text, ',' ORDER BY id) FROM album")).isEqualTo("2");
        assertThat(databases.targetValue("SELECT string_agg(id::text, ',' ORDER BY id) FROM artist")).isEqualTo("2");
    }

    /** Both tables; with {@code --deletes detect} up to 60 % of a table. */
    private static SyncOptions options(boolean detect) {
        SyncOptions both = SyncTestOptions.tables(SyncTestOptions.defaults(), "album", "artist");
        return detect ? SyncTestOptions.deletes(both, 0.6, false) : both;
    }
}
