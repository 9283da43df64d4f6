package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sync} of tables joined by foreign keys, a child ("album") sorting before its parent ("artist") and
 * another ("review") after its parent ("album"): a new child row of a new parent arrives, and with
 * {@code --deletes detect} children and parents deleted in the source are deleted in the target — the target's
 * foreign keys, created by the first sync, checked all along.
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
                "CREATE TABLE review (id INTEGER PRIMARY KEY, album_id INTEGER NOT NULL REFERENCES album (id), "
                        + "stars INTEGER, updated_at DATETIME)",
                "INSERT INTO artist VALUES (1, 'AC/DC', '2024-01-01 10:00:00')",
                "INSERT INTO album VALUES (1, 1, 'Back in Black', '2024-01-01 10:00:00')",
                "INSERT INTO review VALUES (1, 1, 5, '2024-01-01 10:00:00')");
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
                .containsExactly(tuple("album", 1L), tuple("artist", 1L), tuple("review", 0L));
        assertThat(databases.targetValue("SELECT string_agg(al.title || '/' || ar.name, ',' ORDER BY al.id) "
                + "FROM album al JOIN artist ar ON ar.id = al.artist_id")).isEqualTo("Back in Black/AC/DC,"
                + "Balls to the Wall/Accept");
    }

    @Test
    void deletesTheChildBeforeTheParentItReferences() throws Exception {
        databases.source("INSERT INTO artist VALUES (2, 'Accept', '2024-01-02 10:00:00')",
                "INSERT INTO album VALUES (2, 2, 'Balls to the Wall', '2024-01-02 10:00:00')");
        databases.sync(options(true));
        // "review" sorts after its parent "album", "album" before its parent "artist": neither the given order
        // nor parents first deletes these without a foreign-key violation.
        databases.source("DELETE FROM review WHERE id = 1", "DELETE FROM album WHERE id = 1",
                "DELETE FROM artist WHERE id = 1");

        SyncResult result = databases.sync(options(true));

        assertThat(result.tables()).hasSize(3).allSatisfy(t -> assertThat(t.rowsDeleted()).isEqualTo(1));
        assertThat(databases.targetValue("SELECT count(*)::text FROM review")).isEqualTo("0");
        assertThat(databases.targetValue("SELECT string_agg(id::text, ',' ORDER BY id) FROM album")).isEqualTo("2");
        assertThat(databases.targetValue("SELECT string_agg(id::text, ',' ORDER BY id) FROM artist")).isEqualTo("2");
    }

    /** The three tables; with {@code --deletes detect} up to 100 % of a table. */
    private static SyncOptions options(boolean detect) {
        SyncOptions both = SyncTestOptions.tables(SyncTestOptions.defaults(), "album", "artist", "review");
        return detect ? SyncTestOptions.deletes(both, 1.0, false) : both;
    }
}
