package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.TestSqlite;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Maps schemas read from real SQLite databases. Generated constraint names are the ones PostgreSQL 15 itself
 * chose for the same unnamed constraints (checked in {@code pg_constraint}).
 */
class SchemaMapperTest {

    private static SchemaSnapshot chinook;

    private final SchemaMapper preserving =
            new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public");
    private final SchemaMapper lowering =
            new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.LOWER, "app");

    @BeforeAll
    static void readChinook() throws Exception {
        try (Connection connection = TestSqlite.chinook()) {
            chinook = SqliteSchemaReader.read(connection);
        }
    }

    private static List<Table> read(String... ddl) throws Exception {
        try (Connection connection = TestSqlite.fixture(ddl)) {
            return SqliteSchemaReader.read(connection).tables();
        }
    }

    private static MappedTable table(SchemaMapping mapping, String sourceName) {
        return mapping.tables().stream().filter(t -> t.source().id().name().equals(sourceName)).findFirst()
                .orElseThrow();
    }

    @Test
    void preservesChinooksNamesTypesAndDeclaredKeyNames() {
        MappedTable album = table(preserving.map(chinook.tables()), "Album");

        assertThat(album.target()).isEqualTo(new TableId("public", "Album"));
        assertThat(album.columns()).extracting(MappedColumn::targetName)
                .containsExactly("AlbumId", "Title", "ArtistId");
        assertThat(album.columns().get(0).identity()).isTrue();
        assertThat(album.columns().get(0).nullable()).isFalse();
        assertThat(album.columns().get(0).targetType()).isEqualTo(TargetType.of(PostgresType.BIGINT));
        assertThat(album.columns().get(1).targetType()).isEqualTo(new TargetType(PostgresType.VARCHAR, 160, 0, 0));
        assertThat(album.primaryKey()).isEqualTo(new PrimaryKey("PK_Album", List.of("AlbumId")));
        assertThat(album.indexes()).containsExactly(new Index("IFK_AlbumArtistId", List.of("ArtistId"), false));
        assertThat(album.identityColumns()).extracting(MappedColumn::targetName).containsExactly("AlbumId");
    }

    @Test
    void namesUnnamedForeignKeysAsPostgresDoes() {
        SchemaMapping mapping = preserving.map(chinook.tables());

        assertThat(table(mapping, "Album").foreignKeys()).containsExactly(new ForeignKey("Album_ArtistId_fkey",
                List.of("ArtistId"), new TableId("public", "Artist"), List.of("ArtistId"),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        assertThat(table(mapping, "PlaylistTrack").foreignKeys()).extracting(ForeignKey::name)
                .containsExactlyInAnyOrder("PlaylistTrack_PlaylistId_fkey", "PlaylistTrack_TrackId_fkey");
        assertThat(mapping.tables()).flatExtracting(MappedTable::foreignKeys).hasSize(11);
        assertThat(mapping.notes()).isEmpty();
    }

    @Test
    void namesUnnamedPrimaryAndUniqueKeysAsPostgresDoes() throws Exception {
        MappedTable t = preserving.map(read(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, a INT, b INT, UNIQUE (a, b))"))
                .tables().get(0);

        assertThat(t.primaryKey()).isEqualTo(new PrimaryKey("t_pkey", List.of("id")));
        assertThat(t.uniqueKeys()).containsExactlyInAnyOrder(new UniqueKey("t_code_key", List.of("code")),
                new UniqueKey("t_a_b_key", List.of("a", "b")));
    }

    @Test
    void foldsEveryNameToLowerCaseUnderTheLowerPolicy() {
        SchemaMapping mapping = lowering.map(chinook.tables());
        MappedTable album = table(mapping, "Album");

        assertThat(mapping.targetSchema()).isEqualTo("app");
        assertThat(album.target()).isEqualTo(new TableId("app", "album"));
        assertThat(album.columns()).extracting(MappedColumn::targetName)
                .containsExactly("albumid", "title", "artistid");
        assertThat(album.primaryKey()).isEqualTo(new PrimaryKey("pk_album", List.of("albumid")));
        assertThat(album.indexes()).extracting(Index::name).containsExactly("ifk_albumartistid");
        assertThat(album.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("album_artistid_fkey");
            assertThat(fk.referencedTable()).isEqualTo(new TableId("app", "artist"));
            assertThat(fk.referencedColumns()).containsExactly("artistid");
        });
    }

    @Test
    void rejectsTwoTablesThatFoldToTheSameName() throws Exception {
        // SQLite folds only ASCII case (https://www.sqlite.org/lang_expr.html#collateop), so these are two tables.
        List<Table> tables = read("CREATE TABLE \"Äpfel\" (id INTEGER)", "CREATE TABLE \"äpfel\" (id INTEGER)");

        assertThat(tables).hasSize(2);
        assertThatThrownBy(() -> lowering.map(tables))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDENTIFIER_COLLISION))
                .hasMessageContaining("\"Äpfel\"").hasMessageContaining("\"äpfel\"")
                .hasMessageContaining("--identifiers preserve");
        assertThat(preserving.map(tables).tables()).hasSize(2);
    }

    @Test
    void rejectsTwoColumnsOfOneTableThatFoldToTheSameName() throws Exception {
        List<Table> tables = read("CREATE TABLE t (\"Öl\" TEXT, \"öl\" TEXT)");

        assertThatThrownBy(() -> lowering.map(tables))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDENTIFIER_COLLISION))
                .hasMessageContaining("columns \"Öl\" and \"öl\" of table \"t\"");
    }

    @Test
    void shortensLongGeneratedNamesTo63BytesKeepingTheSuffixAsPostgresDoes() throws Exception {
        String table = "a".repeat(60);
        String column = "c".repeat(30);
        MappedTable t = preserving.map(read("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, " + column
                + " INT UNIQUE, p INT REFERENCES " + table + " (id), q INT REFERENCES " + table + " (id))"))
                .tables().get(0);

        assertThat(t.primaryKey().name()).isEqualTo("a".repeat(58) + "_pkey");
        assertThat(t.uniqueKeys()).extracting(UniqueKey::name)
                .containsExactly("a".repeat(29) + "_" + "c".repeat(29) + "_key");
        assertThat(t.foreignKeys()).extracting(ForeignKey::name)
                .containsExactlyInAnyOrder("a".repeat(56) + "_p_fkey", "a".repeat(56) + "_q_fkey");
    }

    @Test
    void shortensMultibyteNamesAtACharacterBoundary() throws Exception {
        String table = "ü".repeat(40);
        String index = "é".repeat(40);
        MappedTable t = preserving.map(read("CREATE TABLE \"" + table + "\" (id INTEGER PRIMARY KEY, "
                + "\"Größe\" INT UNIQUE, x INT)", "CREATE INDEX \"" + index + "\" ON \"" + table + "\" (x)"))
                .tables().get(0);

        assertThat(t.primaryKey().name()).isEqualTo("ü".repeat(29) + "_pkey");
        assertThat(t.uniqueKeys()).extracting(UniqueKey::name).containsExactly("ü".repeat(25) + "_Größe_key");
        assertThat(t.indexes()).extracting(Index::name).containsExactly("é".repeat(31));
        assertThat(t.indexes().get(0).name().getBytes(StandardCharsets.UTF_8)).hasSize(62);
    }

    @Test
    void dropsAForeignKeyToATableOutsideTheSelectionWithANote() {
        SchemaMapping mapping = preserving.map(List.of(chinook.table("Album")));

        assertThat(mapping.tables().get(0).foreignKeys()).isEmpty();
        assertThat(mapping.notes()).singleElement().asString()
                .contains("Album[ArtistId]", "Artist", "not part of this migration");
    }

    @Test
    void translatesDefaultsButNotTheIdentitysAndReportsTheUntranslatable() throws Exception {
        SchemaMapping mapping = preserving.map(read("CREATE TABLE t (id INTEGER PRIMARY KEY DEFAULT 7, "
                + "created TEXT DEFAULT (datetime('now')), n INT DEFAULT 0, unset TEXT DEFAULT NULL, "
                + "weekday TEXT DEFAULT (strftime('%w', 'now')), plain TEXT)"));

        assertThat(mapping.tables().getFirst().columns()).extracting(MappedColumn::defaultSql).containsExactly(null,
                "to_char(timezone('UTC', now()), 'YYYY-MM-DD HH24:MI:SS')", "0", null, null, null);
        assertThat(mapping.untranslatable()).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UntranslatableObject.Kind.COLUMN_DEFAULT);
            assertThat(u.table()).isEqualTo("t");
            assertThat(u.name()).isEqualTo("weekday");
            assertThat(u.originalSql()).isEqualTo("strftime('%w', 'now')");
            assertThat(u.reason()).contains("%w");
        });
        assertThat(mapping.notes()).singleElement().asString()
                .startsWith("the default of \"t\".\"weekday\" (strftime('%w', 'now')) is not carried over: ");
    }

    @Test
    void mapsAnEmptySelectionToAnEmptyMapping() {
        SchemaMapping mapping = preserving.map(List.of());

        assertThat(mapping.tables()).isEmpty();
        assertThat(mapping.notes()).isEmpty();
    }
}
