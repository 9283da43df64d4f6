package io.dbferry.transfer.verify;

import static io.dbferry.transfer.verify.PageDigestsTest.TABLE;
import static io.dbferry.transfer.verify.PageDigestsTest.insertRandomRows;
import static io.dbferry.transfer.verify.PageDigestsTest.pages;
import static io.dbferry.transfer.verify.PageDigestsTest.pagesDigest;
import static io.dbferry.transfer.verify.PageDigestsTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.testing.SqliteFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link PageDigests} leaves to SQL, where the file's pages are not the rows SQLite returns or not read
 * here: rows older than an added column, WITHOUT ROWID tables and generated columns, the ranges of a key that is
 * not the rowid, JSONB blobs, a WAL with frames (also after a switch to WAL), a changed schema, a UTF-16 database.
 * Each leaves an empty digest, and the table's digest through {@link SqliteRows#binaryDigest} stays right.
 */
class PageDigestsFallbackTest {

    @TempDir
    Path dir;

    @Test
    void leavesRowsOlderThanAnAddedColumnToSql() throws Exception {
        SqliteFile.run(file(), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)", "INSERT INTO t VALUES (1, 'x')",
                "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'd'", "INSERT INTO t VALUES (2, 'y', 'z')");

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            PageDigests pages = pages(rows, connection, "t").orElseThrow();
            KeyRange second = new KeyRange(List.of(2L), null);
            assertThat(pages.digest(KeyRange.ALL, rows.storedRow())).isEmpty();
            assertThat(pages.digest(second, rows.storedRow())).as("every later chunk too").isEmpty();
            assertThat(rows.binaryDigest(KeyRange.ALL)).isEqualTo(rows.binaryDigestThroughSql(KeyRange.ALL));
            assertThat(rows.binaryDigest(KeyRange.ALL).rows()).isEqualTo(2);
        }
    }

    @Test
    void leavesTablesItCannotReadToSql() throws Exception {
        SqliteFile.run(file(), "CREATE TABLE w (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID",
                "INSERT INTO w VALUES ('a', 1), ('b', 2)",
                "CREATE TABLE g (id INTEGER PRIMARY KEY, v INTEGER, twice INTEGER GENERATED ALWAYS AS (v * 2))",
                "INSERT INTO g (id, v) VALUES (1, 1)",
                "CREATE TABLE k (code TEXT PRIMARY KEY, v INTEGER)", "INSERT INTO k VALUES ('a', 1), ('b', 2)");

        assertThat(pagesDigest(file(), "w", KeyRange.ALL)).as("WITHOUT ROWID: an index b-tree").isEmpty();
        try (Connection connection = SqliteSource.openReadOnly(file())) {
            assertThat(pages(rows(connection, "g"), connection, "g")).as("generated column").isEmpty();
        }
        assertThat(pagesDigest(file(), "k", new KeyRange(List.of("a"), List.of("b")))).as("a text key's range")
                .isEmpty();
        assertThat(pagesDigest(file(), "k", KeyRange.ALL)).as("the whole table").isPresent();
    }

    @Test
    void readsAWalDatabaseOnlyWhileItsWalIsEmpty() throws Exception {
        SqliteFile.run(file(), "PRAGMA journal_mode = wal", TABLE);
        insertRandomRows(file(), new Random(3), 100);
        assertThat(pagesDigest(file(), "t", KeyRange.ALL)).as("WAL emptied when the writer closed").isPresent();

        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("UPDATE t SET n = 1 WHERE id = 1");

            assertThat(pagesDigest(file(), "t", KeyRange.ALL)).as("a frame the file's pages lack").isEmpty();
        }
    }

    @Test
    void leavesAUtf16DatabaseToSql() throws Exception {
        SqliteFile.run(file(), "PRAGMA encoding = 'UTF-16le'", TABLE, "INSERT INTO t (id, note) VALUES (1, 'é')");

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            assertThat(pages(rows(connection, "t"), connection, "t")).isEmpty();
        }
    }

    @Test
    void leavesTheRangesOfAKeyThatOnlyLooksLikeTheRowidToSql() throws Exception {
        SqliteFile.run(file(), "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)",
                "INSERT INTO t VALUES (30, 'a'), (20, 'b'), (10, 'c')");

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            PageDigests pages = pages(rows, connection, "t").orElseThrow();
            KeyRange range = new KeyRange(List.of(10L), List.of(25L)); // rowids 2 and 3, keys 20 and 10
            assertThat(pages.digest(range, rows.storedRow())).isEmpty();
            assertThat(rows.binaryDigest(range).rows()).isEqualTo(2);
            assertThat(pages.digest(KeyRange.ALL, rows.storedRow())).isPresent();
        }
    }

    @Test
    void leavesJsonbBlobsToSqliteWhichMakesThemText() throws Exception {
        SqliteFile.run(file(), "CREATE TABLE t (id INTEGER PRIMARY KEY, doc JSON)",
                "INSERT INTO t VALUES (1, '{\"a\": 1}'), (2, jsonb('{\"b\": [2]}'))");
        assertThat(SqliteFile.value(file(), "SELECT typeof(doc) FROM t WHERE id = 2")).isEqualTo("blob");

        assertThat(pagesDigest(file(), "t", new KeyRange(null, List.of(2L)))).as("text only").isPresent();
        assertThat(pagesDigest(file(), "t", KeyRange.ALL)).as("with the JSONB blob").isEmpty();
    }

    @Test
    void leavesTheFileToSqlWhenItTurnedToWalOrItsSchemaChanged() throws Exception {
        SqliteFile.run(file(), TABLE);
        insertRandomRows(file(), new Random(4), 20);

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            PageDigests pages = pages(rows, connection, "t").orElseThrow();
            try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file());
                    Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode = wal");
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                statement.execute("UPDATE t SET n = n + 1");

                assertThat(pages.digest(KeyRange.ALL, rows.storedRow())).isEmpty();
            }
        }
        SqliteFile.run(file(), "PRAGMA journal_mode = delete");
        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            PageDigests pages = pages(rows, connection, "t").orElseThrow();
            SqliteFile.run(file(), "CREATE TABLE later (x)");

            assertThat(pages.digest(KeyRange.ALL, rows.storedRow())).isEmpty();
        }
    }

    private Path file() {
        return dir.resolve("pages.db");
    }
}
