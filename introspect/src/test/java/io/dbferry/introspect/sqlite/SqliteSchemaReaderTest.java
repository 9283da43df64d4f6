package io.dbferry.introspect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestSqlite;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads Chinook and fixtures built here; every expectation comes from the DDL (Chinook's is in
 * {@code sqlite3 chinook.sqlite .schema}) or from SQLite's documentation, never from the reader.
 */
class SqliteSchemaReaderTest {

    private static final List<String> CHINOOK_TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre",
            "Invoice", "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");

    private static SchemaSnapshot chinook;
    private static long chinookTablesInCatalog;

    @BeforeAll
    static void readChinook() throws Exception {
        try (Connection connection = TestSqlite.chinook(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_schema "
                        + "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            rs.next();
            chinookTablesInCatalog = rs.getLong(1);
            chinook = SqliteSchemaReader.read(connection);
        }
    }

    private static SchemaSnapshot read(String... ddl) throws Exception {
        try (Connection connection = TestSqlite.fixture(ddl)) {
            return SqliteSchemaReader.read(connection);
        }
    }

    @Test
    void readsChinooksElevenTablesOrderedByName() {
        assertThat(chinook.tables()).extracting(t -> t.id().name()).containsExactlyElementsOf(CHINOOK_TABLES);
        assertThat(chinook.tables()).hasSize((int) chinookTablesInCatalog);
        assertThat(chinook.tables()).extracting(Table::id).allMatch(id -> id.schema().equals("main"));
        assertThat(chinook.schema()).isEqualTo("main");
        assertThat(chinook.notes()).isEmpty();
    }

    @Test
    void keepsChinooksDeclaredPrimaryKeyNamesIncludingPlaylistTracksCompositeKey() {
        assertThat(chinook.tables()).allMatch(t -> t.primaryKey() != null);
        assertThat(chinook.table("Album").primaryKey()).isEqualTo(new PrimaryKey("PK_Album", List.of("AlbumId")));
        assertThat(chinook.table("PlaylistTrack").primaryKey())
                .isEqualTo(new PrimaryKey("PK_PlaylistTrack", List.of("PlaylistId", "TrackId")));
        assertThat(chinook.tables()).allMatch(t -> t.primaryKey().name().equals("PK_" + t.id().name()));
    }

    @Test
    void readsChinooksElevenForeignKeysWithTheirReferencedColumns() {
        List<String> keys = chinook.tables().stream()
                .flatMap(t -> t.foreignKeys().stream().map(fk -> t.id().name() + fk.columns() + " -> "
                        + fk.referencedTable().name() + fk.referencedColumns()))
                .toList();

        assertThat(keys).containsExactlyInAnyOrder(
                "Album[ArtistId] -> Artist[ArtistId]",
                "Customer[SupportRepId] -> Employee[EmployeeId]",
                "Employee[ReportsTo] -> Employee[EmployeeId]",
                "Invoice[CustomerId] -> Customer[CustomerId]",
                "InvoiceLine[InvoiceId] -> Invoice[InvoiceId]",
                "InvoiceLine[TrackId] -> Track[TrackId]",
                "PlaylistTrack[PlaylistId] -> Playlist[PlaylistId]",
                "PlaylistTrack[TrackId] -> Track[TrackId]",
                "Track[AlbumId] -> Album[AlbumId]",
                "Track[GenreId] -> Genre[GenreId]",
                "Track[MediaTypeId] -> MediaType[MediaTypeId]");
        assertThat(chinook.tables()).flatExtracting(Table::foreignKeys).allSatisfy(fk -> {
            assertThat(fk.referencedTable().schema()).isEqualTo("main");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
            assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
        });
    }

    @Test
    void makesEverySingleColumnIntegerPrimaryKeyOfChinookANotNullIdentity() {
        for (Table table : chinook.tables()) {
            List<String> pk = table.primaryKey().columns();
            for (Column column : table.columns()) {
                boolean rowidAlias = pk.size() == 1 && pk.get(0).equals(column.name());
                assertThat(column.identity()).as(table.id().name() + "." + column.name()).isEqualTo(rowidAlias);
                assertThat(column.autoincrement()).isFalse();
            }
        }
        Column albumId = chinook.table("Album").column("AlbumId");
        assertThat(albumId.nullable()).isFalse();
        assertThat(albumId.type()).isEqualTo(ColumnType.of("INTEGER"));
        assertThat(chinook.table("PlaylistTrack").columns()).noneMatch(Column::identity);
    }

    @Test
    void keepsChinooksDeclaredTypeModifiersAndNullability() {
        Table invoice = chinook.table("Invoice");
        assertThat(invoice.column("Total").type()).isEqualTo(new ColumnType("NUMERIC", 0, 10, 2));
        assertThat(invoice.column("Total").nullable()).isFalse();
        assertThat(invoice.column("InvoiceDate").type()).isEqualTo(ColumnType.of("DATETIME"));
        assertThat(invoice.column("BillingState").nullable()).isTrue();
        assertThat(chinook.table("Track").column("Name").type()).isEqualTo(new ColumnType("NVARCHAR", 200, 0, 0));
        assertThat(chinook.table("Track").columns()).extracting(Column::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void readsChinooksIfkIndexesAsPlainIndexesAndLeavesOutTheKeyIndexes() {
        assertThat(chinook.tables()).flatExtracting(Table::indexes).hasSize(11)
                .allSatisfy(i -> assertThat(i.name()).startsWith("IFK_"))
                .noneMatch(Index::unique);
        assertThat(chinook.table("Album").indexes())
                .containsExactly(new Index("IFK_AlbumArtistId", List.of("ArtistId"), false));
        // PlaylistTrack's composite key has sqlite_autoindex_PlaylistTrack_1 behind it; it is not an index.
        assertThat(chinook.table("PlaylistTrack").indexes()).extracting(Index::name)
                .containsExactlyInAnyOrder("IFK_PlaylistTrackPlaylistId", "IFK_PlaylistTrackTrackId");
        assertThat(chinook.tables()).allMatch(t -> t.uniqueKeys().isEmpty());
    }

    @Test
    void makesAnAutoincrementKeyANotNullIdentityThatRemembersTheKeyword() throws Exception {
        Table table = read("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)").table("t");

        assertThat(table.column("id"))
                .isEqualTo(new Column("id", 1, ColumnType.of("INTEGER"), false, null, true, true));
        assertThat(table.column("name").autoincrement()).isFalse();
    }

    @Test
    void doesNotTakeIntegerPrimaryKeyDescInTheColumnDefinitionForARowidAlias() throws Exception {
        // https://www.sqlite.org/lang_createtable.html#rowid: "x INTEGER PRIMARY KEY DESC" is not an alias.
        Table table = read("CREATE TABLE t (x INTEGER PRIMARY KEY DESC, y TEXT)").table("t");

        assertThat(table.column("x").identity()).isFalse();
        assertThat(table.column("x").nullable()).isTrue();
        assertThat(table.primaryKey().columns()).containsExactly("x");
        assertThat(table.indexes()).isEmpty();
    }

    @Test
    void takesADescendingPrimaryKeyTableConstraintOnAnIntegerForARowidAlias() throws Exception {
        // Same page: "PRIMARY KEY(x DESC)" as a table constraint does make x an alias.
        Table table = read("CREATE TABLE t (x INTEGER, y TEXT, PRIMARY KEY (x DESC))").table("t");

        assertThat(table.column("x").identity()).isTrue();
        assertThat(table.column("x").nullable()).isFalse();
    }

    @Test
    void doesNotTakeAnIntPrimaryKeyForARowidAlias() throws Exception {
        // Only the exact type name INTEGER makes an alias (lang_createtable.html#rowid).
        Table table = read("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)").table("t");

        assertThat(table.column("id").identity()).isFalse();
        assertThat(table.column("id").type()).isEqualTo(ColumnType.of("INT"));
    }

    @Test
    void readsAWithoutRowidTableWithANotNullKeyAndNoIdentity() throws Exception {
        Table table = read("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID").table("kv");

        assertThat(table.withoutRowid()).isTrue();
        assertThat(table.column("k").identity()).isFalse();
        assertThat(table.column("k").nullable()).isFalse(); // https://www.sqlite.org/withoutrowid.html §2.1
        assertThat(table.primaryKey().columns()).containsExactly("k");
        assertThat(table.indexes()).isEmpty();
    }

    @Test
    void readsUniqueColumnAndTableConstraintsAsUniqueKeysAndAUniqueIndexAsAnIndex() throws Exception {
        Table table = read("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, a INT, b INT, "
                + "CONSTRAINT t_ab UNIQUE (a, b))", "CREATE UNIQUE INDEX t_b ON t (b)").table("t");

        assertThat(table.uniqueKeys()).containsExactlyInAnyOrder(
                new UniqueKey(null, List.of("code")), new UniqueKey(null, List.of("a", "b")));
        assertThat(table.indexes()).containsExactly(new Index("t_b", List.of("b"), true));
    }

    @Test
    void readsForeignKeyActionsAndResolvesReferencesWithoutColumnsToTheParentKey() throws Exception {
        Table child = read("CREATE TABLE parent (id INTEGER PRIMARY KEY, label TEXT)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, "
                        + "parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL, "
                        + "other_id INTEGER REFERENCES parent)").table("child");

        assertThat(child.foreignKeys()).containsExactlyInAnyOrder(
                new ForeignKey(null, List.of("parent_id"), new TableId("main", "parent"), List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.SET_NULL),
                new ForeignKey(null, List.of("other_id"), new TableId("main", "parent"), List.of("id"),
                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    }

    @Test
    void spellsReferencedTablesAndColumnsAsTheyAreDeclared() throws Exception {
        // SQLite names are case-insensitive (https://www.sqlite.org/lang_keywords.html), so a key may say
        // PARENT(ID) for "Parent"("Id"); the target is case-sensitive and needs the declared spelling.
        Table child = read("CREATE TABLE Parent (Id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (a INTEGER REFERENCES PARENT (ID), b INTEGER REFERENCES parent)").table("child");

        assertThat(child.foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsOnly(new TableId("main", "Parent"));
        assertThat(child.foreignKeys()).extracting(ForeignKey::referencedColumns).containsOnly(List.of("Id"));
    }

    @Test
    void readsPartialAndExpressionIndexesWithTheirTextInsteadOfNotes() throws Exception {
        SchemaSnapshot snapshot = read("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT)",
                "CREATE INDEX t_partial ON t (label) WHERE label IS NOT NULL",
                "CREATE INDEX t_lower ON t (lower(label))",
                "CREATE INDEX t_label ON t (label)");

        assertThat(snapshot.table("t").indexes()).containsExactly(
                new Index("t_label", List.of("label"), false),
                new Index("t_lower", List.of(IndexPart.expression("lower(label)")), false, null),
                new Index("t_partial", List.of(IndexPart.column("label")), false, "label IS NOT NULL"));
        assertThat(snapshot.notes()).isEmpty();
    }

    @Test
    void keepsUntypedUnsignedAndDefaultedColumnsAsDeclared() throws Exception {
        Table table = read("CREATE TABLE t (id INTEGER PRIMARY KEY, anything, u UNSIGNED INT, "
                + "created TEXT NOT NULL DEFAULT (datetime('now')), n NUMERIC(10, 2) DEFAULT 0)").table("t");

        assertThat(table.column("anything").type()).isEqualTo(ColumnType.of(""));
        assertThat(table.column("u").type()).isEqualTo(ColumnType.of("UNSIGNED INT"));
        assertThat(table.column("created").defaultSql()).isEqualTo("datetime('now')");
        assertThat(table.column("created").nullable()).isFalse();
        assertThat(table.column("n").type()).isEqualTo(new ColumnType("NUMERIC", 0, 10, 2));
        assertThat(table.column("n").defaultSql()).isEqualTo("0");
    }

    @Test
    void readsAGeneratedColumnAsAPlainColumnWithANote() throws Exception {
        SchemaSnapshot snapshot = read(
                "CREATE TABLE t (id INTEGER PRIMARY KEY, price REAL, code TEXT UNIQUE, "
                        + "doubled REAL GENERATED ALWAYS AS (price * 2) VIRTUAL)");

        Table table = snapshot.table("t");
        assertThat(table.columns()).extracting(Column::name).containsExactly("id", "price", "code", "doubled");
        assertThat(table.column("doubled").type()).isEqualTo(ColumnType.of("REAL"));
        // jOOQ-meta loses this UNIQUE (JooqMetaSqliteFactsTest); the catalog does not.
        assertThat(table.uniqueKeys()).containsExactly(new UniqueKey(null, List.of("code")));
        assertThat(snapshot.notes()).singleElement().asString().contains("\"t\".\"doubled\"", "generated");
    }

    @Test
    void readsATableAndColumnsWhoseNamesNeedQuoting() throws Exception {
        Table table = read("CREATE TABLE \"Mixed Case\" (\"Id Col\" INTEGER PRIMARY KEY, \"Some \"\"Name\"\"\" "
                + "VARCHAR(20) NOT NULL)").table("Mixed Case");

        assertThat(table.id()).isEqualTo(new TableId("main", "Mixed Case"));
        assertThat(table.columns()).containsExactly(
                new Column("Id Col", 1, ColumnType.of("INTEGER"), false, null, true, false),
                new Column("Some \"Name\"", 2, new ColumnType("VARCHAR", 20, 0, 0), false, null, false, false));
        assertThat(table.primaryKey().columns()).containsExactly("Id Col");
    }

    @Test
    void skipsAVirtualFts5TableAndItsShadowTablesWithNotes() throws Exception {
        SchemaSnapshot snapshot = read("CREATE VIRTUAL TABLE docs USING fts5(body)",
                "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)");

        // sqlite_sequence (created by AUTOINCREMENT) is internal and skipped without a note.
        assertThat(snapshot.tables()).extracting(t -> t.id().name()).containsExactly("t");
        assertThat(snapshot.notes()).contains("skipped virtual table \"docs\": only ordinary tables are migrated")
                .anySatisfy(n -> assertThat(n).startsWith("skipped shadow table \"docs_"))
                .allSatisfy(n -> assertThat(n).contains("\"docs"));
    }

    @Test
    void readsAnEmptyDatabaseAsAnEmptySnapshot() throws Exception {
        SchemaSnapshot snapshot = read();

        assertThat(snapshot.tables()).isEmpty();
        assertThat(snapshot.notes()).isEmpty();
    }
}
