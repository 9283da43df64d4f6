package io.dbferry.transfer.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/**
 * Reads Chinook from PostgreSQL twice: as its own PostgreSQL DDL creates it
 * ({@code samples/chinook-postgresql.sql} without its data) and as {@link PostgresDdl} creates it from the SQLite
 * Chinook. Expected values come from that DDL or from PostgreSQL's catalogs, never from the reader.
 */
class PostgresSchemaReaderChinookIT {

    private static TestDatabase database;
    private static Connection connection;

    @BeforeAll
    static void createChinookTwice() throws Exception {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
        execute("CREATE SCHEMA chinook", "SET search_path TO chinook", chinookDdl(), "RESET search_path");
        createFromSqliteChinook("ferry");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static String chinookDdl() throws Exception {
        Path dump = Samples.chinook().resolveSibling("chinook-postgresql.sql");
        String sql = Files.readString(dump);
        // The dump drops and creates a database and \connects to it, then creates tables and keys, then
        // inserts rows: only the middle part is plain SQL that the tests need.
        int start = sql.indexOf("CREATE TABLE album");
        int end = sql.lastIndexOf("/*", sql.indexOf("Populate Tables"));
        return sql.substring(start, end);
    }

    private static void createFromSqliteChinook(String schema) throws Exception {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        SchemaMapping mapping;
        try (Connection sqlite = readOnly.createConnection("jdbc:sqlite:" + Samples.chinook())) {
            mapping = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, schema)
                    .map(SqliteSchemaReader.read(sqlite).tables());
        }
        PostgresDdl ddl = new PostgresDdl();
        List<String> statements = new ArrayList<>(List.of(ddl.createSchemaIfNotExists(schema)));
        mapping.tables().forEach(t -> statements.add(ddl.createTable(t)));
        mapping.tables().forEach(t -> statements.addAll(ddl.keysAndIndexes(t)));
        mapping.tables().forEach(t -> statements.addAll(ddl.foreignKeys(t)));
        for (MappedTable table : mapping.tables()) {
            table.identityColumns().forEach(c -> statements.add(ddl.restartIdentity(table.target(), c.targetName())));
        }
        execute(statements.toArray(String[]::new));
    }

    private static void execute(String... statements) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SchemaSnapshot read(String schema) {
        return PostgresSchemaReader.read(connection, schema);
    }

    @Test
    void readsChinooksElevenTablesWithTheirPrimaryKeys() throws Exception {
        SchemaSnapshot chinook = read("chinook");

        assertThat(chinook.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(chinook.schema()).isEqualTo("chinook");
        assertThat(chinook.tables()).extracting(t -> t.id().name()).containsExactly("album", "artist", "customer",
                "employee", "genre", "invoice", "invoice_line", "media_type", "playlist", "playlist_track", "track");
        assertThat(chinook.tables()).hasSize((int) count(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'chinook'"));
        assertThat(chinook.tables()).allMatch(t -> t.primaryKey().name().equals(t.id().name() + "_pkey"));
        assertThat(chinook.table("playlist_track").primaryKey())
                .isEqualTo(new PrimaryKey("playlist_track_pkey", List.of("playlist_id", "track_id")));
        assertThat(chinook.notes()).isEmpty();
    }

    @Test
    void readsChinooksElevenNamedForeignKeys() throws Exception {
        SchemaSnapshot chinook = read("chinook");
        List<String> keys = chinook.tables().stream()
                .flatMap(t -> t.foreignKeys().stream().map(fk -> fk.name() + ": " + t.id().name() + fk.columns()
                        + " -> " + fk.referencedTable() + fk.referencedColumns()))
                .toList();

        assertThat(keys).containsExactlyInAnyOrder(
                "album_artist_id_fkey: album[artist_id] -> \"chinook\".\"artist\"[artist_id]",
                "customer_support_rep_id_fkey: customer[support_rep_id] -> \"chinook\".\"employee\"[employee_id]",
                "employee_reports_to_fkey: employee[reports_to] -> \"chinook\".\"employee\"[employee_id]",
                "invoice_customer_id_fkey: invoice[customer_id] -> \"chinook\".\"customer\"[customer_id]",
                "invoice_line_invoice_id_fkey: invoice_line[invoice_id] -> \"chinook\".\"invoice\"[invoice_id]",
                "invoice_line_track_id_fkey: invoice_line[track_id] -> \"chinook\".\"track\"[track_id]",
                "playlist_track_playlist_id_fkey: playlist_track[playlist_id] -> \"chinook\".\"playlist\"[playlist_id]",
                "playlist_track_track_id_fkey: playlist_track[track_id] -> \"chinook\".\"track\"[track_id]",
                "track_album_id_fkey: track[album_id] -> \"chinook\".\"album\"[album_id]",
                "track_genre_id_fkey: track[genre_id] -> \"chinook\".\"genre\"[genre_id]",
                "track_media_type_id_fkey: track[media_type_id] -> \"chinook\".\"media_type\"[media_type_id]");
        assertThat(keys).hasSize((int) count("SELECT count(*) FROM pg_constraint "
                + "WHERE contype = 'f' AND connamespace = 'chinook'::regnamespace"));
    }

    @Test
    void readsChinooksTypesAndLeavesItsIntegerKeysWithoutIdentity() {
        SchemaSnapshot chinook = read("chinook");
        Table invoice = chinook.table("invoice");

        assertThat(invoice.column("total")).isEqualTo(
                new Column("total", 9, new ColumnType("numeric", 0, 10, 2), false, null, false, false));
        assertThat(invoice.column("invoice_date").type()).isEqualTo(ColumnType.of("timestamp without time zone"));
        assertThat(invoice.column("billing_city").type()).isEqualTo(new ColumnType("character varying", 40, 0, 0));
        assertThat(invoice.column("billing_city").nullable()).isTrue();
        assertThat(chinook.table("album").column("album_id").type()).isEqualTo(ColumnType.of("integer"));
        assertThat(chinook.tables()).flatExtracting(Table::columns).noneMatch(Column::identity);
    }

    @Test
    void readsChinooksIndexesButNotThoseBehindItsKeys() {
        SchemaSnapshot chinook = read("chinook");

        assertThat(chinook.tables()).flatExtracting(Table::indexes).hasSize(11)
                .allSatisfy(i -> assertThat(i.name()).endsWith("_idx")).noneMatch(Index::unique);
        assertThat(chinook.table("album").indexes())
                .containsExactly(new Index("album_artist_id_idx", List.of("artist_id"), false));
        assertThat(chinook.tables()).allMatch(t -> t.uniqueKeys().isEmpty());
    }

    @Test
    void readsBackWhatPostgresDdlCreatedForTheSqliteChinook() {
        SchemaSnapshot ferry = read("ferry");
        Table album = ferry.table("Album");

        assertThat(ferry.tables()).hasSize(11);
        assertThat(album.column("AlbumId")).isEqualTo(
                new Column("AlbumId", 1, ColumnType.of("bigint"), false, null, true, false));
        assertThat(album.column("Title").type()).isEqualTo(new ColumnType("character varying", 160, 0, 0));
        assertThat(album.primaryKey()).isEqualTo(new PrimaryKey("PK_Album", List.of("AlbumId")));
        assertThat(album.foreignKeys()).containsExactly(new ForeignKey("Album_ArtistId_fkey", List.of("ArtistId"),
                new TableId("ferry", "Artist"), List.of("ArtistId"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION));
        assertThat(album.indexes()).containsExactly(new Index("IFK_AlbumArtistId", List.of("ArtistId"), false));
        assertThat(ferry.table("Invoice").column("Total").type()).isEqualTo(new ColumnType("numeric", 0, 10, 2));
        assertThat(ferry.table("PlaylistTrack").columns()).noneMatch(Column::identity);
        assertThat(ferry.tables()).flatExtracting(Table::foreignKeys).hasSize(11);
    }
}
