package io.dbferry.transfer.pgcopy;

import static io.dbferry.transfer.pgcopy.PostgresSamples.columnDefinitions;
import static io.dbferry.transfer.pgcopy.PostgresSamples.execute;
import static io.dbferry.transfer.pgcopy.PostgresSamples.keyDefinitions;
import static io.dbferry.transfer.pgcopy.PostgresSamples.rows;
import static io.dbferry.transfer.pgcopy.PostgresSamples.strings;
import static io.dbferry.transfer.pgcopy.PostgresSamples.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.VerifyMode;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Copies Chinook (from its PostgreSQL script) to another database and to another schema of the same database,
 * and checks the copy against the source value by value and definition by definition, as PostgreSQL reports them.
 */
class PostgresCopyMigrationIT {

    private static final List<String> CHINOOK_TABLES = List.of("album", "artist", "customer", "employee", "genre",
            "invoice", "invoice_line", "media_type", "playlist", "playlist_track", "track");

    private static TestDatabase source;
    private static Connection sourceConnection;

    @BeforeAll
    static void loadChinook() throws Exception {
        source = TestPostgres.freshDatabase();
        sourceConnection = source.connect();
        PostgresSamples.loadChinook(sourceConnection);
        // A view and a partial expression index, which the Chinook script does not have.
        execute(sourceConnection, "CREATE VIEW long_tracks AS SELECT track_id, name FROM track WHERE milliseconds > 600000",
                "CREATE INDEX track_lower_name ON track (lower(name)) WHERE unit_price > 0.99");
    }

    @AfterAll
    static void dropSource() throws Exception {
        sourceConnection.close();
        source.close();
    }

    @Test
    void copiesChinookToAnotherDatabaseValueByValue() throws Exception {
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            MigrationResult result = new PostgresCopyMigration(PostgresCopyOptions.builder()
                    .verify(VerifyMode.CHECKSUM).build(), MigrationListener.NONE).run(source.url(), target.url());

            assertThat(result.tables()).extracting(t -> t.target().name()).containsExactlyElementsOf(CHINOOK_TABLES);
            for (TableResult table : result.tables()) {
                long count = Long.parseLong(value(sourceConnection, "SELECT count(*) FROM " + table.source().name()));
                assertThat(table.rowsRead()).as(table.source().name()).isEqualTo(count).isEqualTo(table.rowsWritten());
                assertThat(rows(targetConnection, "public", table.target().name())).as(table.target().name())
                        .isEqualTo(rows(sourceConnection, "public", table.source().name()));
            }
            assertThat(result.rowsRead()).isEqualTo(15_607);
            assertThat(result.verification().matches()).isTrue();
            assertThat(columnDefinitions(targetConnection, "public"))
                    .isEqualTo(columnDefinitions(sourceConnection, "public"));
            assertThat(keyDefinitions(targetConnection, "public")).isEqualTo(keyDefinitions(sourceConnection, "public"))
                    .anyMatch(d -> d.startsWith("track_lower_name CREATE INDEX track_lower_name ON track "
                            + "USING btree (lower((name)::text)) WHERE (unit_price > 0.99)"));
            assertThat(rows(targetConnection, "public", "long_tracks"))
                    .isEqualTo(rows(sourceConnection, "public", "long_tracks")).isNotEmpty();
        }
    }

    @Test
    void copiesChinookIntoAnotherSchemaOfTheSameDatabase() throws Exception {
        MigrationResult result = new PostgresCopyMigration(PostgresCopyOptions.builder().targetSchema("chinook copy")
                .tables(List.of("artist", "album", "track", "genre", "media_type")).verify(VerifyMode.CHECKSUM)
                .build(), MigrationListener.NONE).run(source.url(), source.url());

        assertThat(result.tables()).extracting(t -> t.target().schema()).containsOnly("chinook copy");
        for (TableResult table : result.tables()) {
            assertThat(rows(sourceConnection, "chinook copy", table.target().name())).as(table.target().name())
                    .isEqualTo(rows(sourceConnection, "public", table.source().name()));
        }
        assertThat(result.verification().matches()).isTrue();
        // Foreign keys among the copied tables reference the copies, not the originals.
        assertThat(strings(sourceConnection, "SELECT confrelid::regclass::text FROM pg_constraint "
                + "WHERE conname = 'track_album_id_fkey' AND connamespace = '\"chinook copy\"'::regnamespace"))
                .containsExactly("\"chinook copy\".album");
        // The view reads a table that was copied; its query names the copy.
        assertThat(value(sourceConnection, "SELECT pg_get_viewdef('\"chinook copy\".long_tracks'::regclass)"))
                .doesNotContain("public.");
        assertThat(value(sourceConnection, "SELECT count(*) FROM \"chinook copy\".long_tracks"))
                .isEqualTo(value(sourceConnection, "SELECT count(*) FROM public.long_tracks"));
        assertThat(strings(sourceConnection, "SELECT conname FROM pg_constraint WHERE contype = 'f' "
                + "AND connamespace = '\"chinook copy\"'::regnamespace ORDER BY conname")).containsExactly(
                "album_artist_id_fkey", "track_album_id_fkey", "track_genre_id_fkey", "track_media_type_id_fkey");
    }
}
