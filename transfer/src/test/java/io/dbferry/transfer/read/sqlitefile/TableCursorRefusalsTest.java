package io.dbferry.transfer.read.sqlitefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.transfer.testing.SqliteFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TableCursor} and {@link DatabaseFile} refuse with a {@link PageFormatException}, so that the caller
 * reads through SQLite instead: pages whose cell count does not fit, a b-tree whose pages form a cycle, an index
 * (WITHOUT ROWID) b-tree, a file that is not a SQLite database. The damaged files are copies of real ones with
 * one field overwritten.
 */
class TableCursorRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void refusesPagesThatClaimMoreCellsThanFitOrFormACycle() throws Exception {
        Path file = dir.resolve("t.db");
        SqliteFile.run(file, "PRAGMA page_size = 512", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                        + "INSERT INTO t SELECT i, printf('%.40d', i) FROM n");
        long root = TableCursorTest.rootPage(file, "t");
        Path cells = dir.resolve("cells.db");
        Path cycle = dir.resolve("cycle.db");
        Files.copy(file, cells);
        Files.copy(file, cycle);
        long rootAt = (root - 1) * 512;
        try (RandomAccessFile bytes = new RandomAccessFile(cells.toFile(), "rw")) {
            bytes.seek(rootAt + 3); // the root's cell count
            bytes.writeShort(400);
        }
        try (RandomAccessFile bytes = new RandomAccessFile(cycle.toFile(), "rw")) {
            assertThat(readByte(bytes, rootAt)).as("an interior table page").isEqualTo(0x05);
            bytes.seek(rootAt + 8); // the root's right-most pointer: the root itself
            bytes.writeInt((int) root);
        }

        assertThatThrownBy(() -> TableCursorTest.readAll(cells, "t", null, null))
                .isInstanceOf(PageFormatException.class)
                .hasMessageContaining("claims 400 cells, more than it can hold");
        assertThatThrownBy(() -> TableCursorTest.readAll(cycle, "t", 499L, null))
                .isInstanceOf(PageFormatException.class)
                .hasMessageContaining("so its pages form a cycle");
    }

    private static int readByte(RandomAccessFile bytes, long at) throws IOException {
        bytes.seek(at);
        return bytes.read();
    }

    @Test
    void refusesIndexAndWithoutRowidBtrees() throws Exception {
        Path file = dir.resolve("t.db");
        SqliteFile.run(file, "CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID", "INSERT INTO w VALUES ('a', 1)");

        DatabaseFile database = DatabaseFile.read(file);
        TableCursor cursor = new TableCursor(database, TableCursorTest.rootPage(file, "w"), null, null);
        assertThatThrownBy(cursor::next).isInstanceOf(PageFormatException.class)
                .hasMessageContaining("is not a table b-tree page (type 10)");
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path file = dir.resolve("not.db");
        Files.write(file, new byte[4096]);

        assertThatThrownBy(() -> DatabaseFile.read(file)).isInstanceOf(PageFormatException.class)
                .hasMessageContaining("does not start with a SQLite header");
    }
}
