package io.dbferry.introspect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestSqlite;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Log;
import org.jooq.impl.QOM.ForeignKeyRule;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.DataTypeDefinition;
import org.jooq.meta.Definition;
import org.jooq.meta.ForeignKeyDefinition;
import org.jooq.meta.IndexDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.UniqueKeyDefinition;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.sqlite.SQLiteDatabase;
import org.jooq.tools.JooqLogger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins what jOOQ-meta 3.21's {@code SQLiteDatabase} reports today, configured as {@link JooqMetaSqliteReader}
 * configures it. {@link SqliteSchemaReader} takes these facts from SQLite's catalog instead; when a jOOQ
 * upgrade changes one, this test fails and the workaround can be revisited.
 */
class JooqMetaSqliteFactsTest {

    private static Connection fixture;
    private static Connection chinookConnection;
    private static Map<String, TableDefinition> tables;
    private static Map<String, TableDefinition> chinook;

    @BeforeAll
    static void readWithJooqMeta() throws Exception {
        // As in JooqMetaSqliteReader: its parser failures are logged at ERROR and are noise here.
        JooqLogger.globalThreshold(Log.Level.FATAL);
        fixture = TestSqlite.fixture(
                "CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)",
                "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID",
                "CREATE TABLE uniques (id INTEGER PRIMARY KEY, code TEXT UNIQUE, a INT, b INT, "
                        + "CONSTRAINT ab_unique UNIQUE (a, b))",
                "CREATE TABLE parent (id INTEGER PRIMARY KEY, label TEXT)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER CONSTRAINT child_parent_fk "
                        + "REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL)",
                "CREATE TABLE twice (id INTEGER PRIMARY KEY, a INTEGER REFERENCES parent (id) ON DELETE CASCADE, "
                        + "b INTEGER REFERENCES parent (id))",
                "CREATE TABLE untyped (id INTEGER PRIMARY KEY, anything)",
                "CREATE TABLE unsigned_unique (id INTEGER PRIMARY KEY, code TEXT UNIQUE, u UNSIGNED INT, anything)",
                "CREATE TABLE generated_unique (id INTEGER PRIMARY KEY, code TEXT UNIQUE, "
                        + "g INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL)",
                "CREATE TABLE defaults (id INTEGER PRIMARY KEY, created TEXT DEFAULT (datetime('now')), "
                        + "stamp DATETIME DEFAULT CURRENT_TIMESTAMP, ratio REAL DEFAULT 1.5)",
                "CREATE TABLE \"Mixed Case\" (\"Id Col\" INTEGER PRIMARY KEY, \"Some Name\" TEXT)",
                "CREATE INDEX parent_partial ON parent (label) WHERE label IS NOT NULL",
                "CREATE INDEX parent_lower ON parent (lower(label))",
                "CREATE VIRTUAL TABLE docs USING fts5(body)");
        tables = read(fixture);
        // Definitions load their columns and keys lazily, through the connection: it stays open.
        chinookConnection = TestSqlite.chinook();
        chinook = read(chinookConnection);
    }

    @AfterAll
    static void closeDatabases() throws Exception {
        fixture.close();
        chinookConnection.close();
    }

    private static Map<String, TableDefinition> read(Connection connection) {
        SQLiteDatabase database = new SQLiteDatabase();
        database.setConnection(connection);
        database.setSupportsUnsignedTypes(true);
        database.setOnError(OnError.SILENT);
        return database.getTables().stream().collect(Collectors.toMap(Definition::getName, Function.identity()));
    }

    private static DataTypeDefinition type(String table, String column) {
        return tables.get(table).getColumn(column).getType();
    }

    private static List<String> names(List<? extends Definition> definitions) {
        return definitions.stream().map(Definition::getName).toList();
    }

    @Test
    void reportsAPlainIntegerPrimaryKeyRowidAliasAsNullableAndNotIdentity() {
        assertThat(type("plain", "id").isNullable()).isTrue();
        assertThat(type("plain", "id").isIdentity()).isFalse();
    }

    @Test
    void flagsAnAutoincrementKeyAsIdentityButStillNullable() {
        assertThat(type("auto", "id").isIdentity()).isTrue();
        assertThat(type("auto", "id").isNullable()).isTrue();
    }

    @Test
    void reportsAWithoutRowidKeyAsNotNull() {
        assertThat(type("kv", "k").isNullable()).isFalse();
        assertThat(type("kv", "k").isIdentity()).isFalse();
    }

    @Test
    void inventsPrimaryKeyNamesForUnnamedKeysAndKeepsDeclaredOnes() {
        assertThat(tables.get("plain").getPrimaryKey().getName()).isEqualTo("pk_plain");
        assertThat(chinook.get("Album").getPrimaryKey().getName()).isEqualTo("PK_Album");
        assertThat(names(chinook.get("PlaylistTrack").getPrimaryKey().getKeyColumns()))
                .containsExactly("PlaylistId", "TrackId");
    }

    @Test
    void inventsUniqueKeyNamesForUnnamedConstraintsAndKeepsDeclaredOnes() {
        List<UniqueKeyDefinition> keys = tables.get("uniques").getUniqueKeys();

        assertThat(keys).hasSize(2);
        assertThat(keys).filteredOn(k -> names(k.getKeyColumns()).equals(List.of("code")))
                .singleElement().extracting(Definition::getName).asString().startsWith("uk_uniques_");
        assertThat(keys).filteredOn(k -> names(k.getKeyColumns()).equals(List.of("a", "b")))
                .singleElement().extracting(Definition::getName).isEqualTo("ab_unique");
    }

    @Test
    void inventsForeignKeyNamesEvenWhenTheConstraintIsNamedButKeepsItsActions() {
        ForeignKeyDefinition key = tables.get("child").getForeignKeys().get(0);

        assertThat(tables.get("child").getForeignKeys()).hasSize(1);
        assertThat(key.getName()).isEqualTo("fk_child_pk_parent");
        assertThat(names(key.getKeyColumns())).containsExactly("parent_id");
        assertThat(key.getReferencedTable().getName()).isEqualTo("parent");
        assertThat(key.getDeleteRule()).isEqualTo(ForeignKeyRule.CASCADE);
        assertThat(key.getUpdateRule()).isEqualTo(ForeignKeyRule.SET_NULL);
        assertThat(chinook.get("Album").getForeignKeys()).extracting(Definition::getName)
                .containsExactly("fk_Album_PK_Artist");
    }

    @Test
    void mergesTwoForeignKeysToTheSameParentIntoOneAndLosesTheirActions() {
        List<ForeignKeyDefinition> keys = tables.get("twice").getForeignKeys();

        assertThat(keys).hasSize(1);
        assertThat(names(keys.get(0).getKeyColumns())).containsExactlyInAnyOrder("a", "b");
        assertThat(names(keys.get(0).getReferencedColumns())).containsExactly("id", "id");
        assertThat(keys.get(0).getDeleteRule()).isEqualTo(ForeignKeyRule.NO_ACTION);
    }

    @Test
    void returnsDeclaredTypesVerbatimWithTheirModifiers() {
        DataTypeDefinition title = chinook.get("Album").getColumn("Title").getType();
        DataTypeDefinition total = chinook.get("Invoice").getColumn("Total").getType();
        DataTypeDefinition invoiceDate = chinook.get("Invoice").getColumn("InvoiceDate").getType();

        assertThat(title.getType()).isEqualTo("NVARCHAR");
        assertThat(title.getLength()).isEqualTo(160);
        assertThat(total.getType()).isEqualTo("NUMERIC");
        assertThat(total.getPrecision()).isEqualTo(10);
        assertThat(total.getScale()).isEqualTo(2);
        assertThat(invoiceDate.getType()).isEqualTo("DATETIME");
        assertThat(type("unsigned_unique", "u").getType()).isEqualTo("UNSIGNED INT");
    }

    @Test
    void typesAnUntypedColumnOtherOrEmptyWhenItsParserFailsOnTheTable() {
        assertThat(type("untyped", "anything").getType()).isEqualTo("other");
        assertThat(type("unsigned_unique", "anything").getType()).isEmpty();
    }

    @Test
    void losesUniqueConstraintsWhenItsParserFailsOnUnsignedOrGeneratedColumns() {
        assertThat(tables.get("unsigned_unique").getUniqueKeys()).isEmpty();
        assertThat(tables.get("generated_unique").getUniqueKeys()).isEmpty();
    }

    @Test
    void doesNotFlagAGeneratedColumnAsComputed() {
        assertThat(type("generated_unique", "g").isComputed()).isFalse();
        assertThat(type("generated_unique", "g").getGeneratedAlwaysAs()).isNull();
        assertThat(type("generated_unique", "g").getType()).isEqualTo("INTEGER");
    }

    @Test
    void returnsDefaultExpressionsWithoutTheirParentheses() {
        assertThat(type("defaults", "created").getDefaultValue()).isEqualTo("datetime('now')");
        assertThat(type("defaults", "stamp").getDefaultValue()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(type("defaults", "ratio").getDefaultValue()).isEqualTo("1.5");
    }

    @Test
    void hidesPartialIndexPredicatesAndDropsExpressionIndexes() {
        List<IndexDefinition> indexes = tables.get("parent").getIndexes();

        // IndexDefinition has no predicate accessor: the partial index looks like a plain one.
        assertThat(indexes).extracting(Definition::getName).containsExactly("parent_partial");
        assertThat(names(indexes.get(0).getIndexColumns().stream().map(c -> c.getColumn()).toList()))
                .containsExactly("label");
    }

    @Test
    void readsNoColumnsForATableWhoseNameNeedsQuoting() {
        assertThat(tables).containsKey("Mixed Case");
        assertThat(tables.get("Mixed Case").getColumns()).isEmpty();
        assertThat(tables.get("Mixed Case").getPrimaryKey()).isNull();
    }

    @Test
    void reportsVirtualTablesAndTheirShadowTablesAsTables() {
        // Not all of them: docs_content and docs_docsize are missing.
        assertThat(tables.keySet()).contains("docs", "docs_config", "docs_data", "docs_idx")
                .doesNotContain("docs_content", "docs_docsize");
        assertThat(tables.get("docs").getColumns()).extracting(ColumnDefinition::getName).containsExactly("body");
    }
}
