package io.dbferry.transfer.read.sqlitefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.transfer.testing.SqliteFile;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseFile}'s one channel per file for the process: an interrupted thread (a cancelled worker) must not
 * close it for every other reader.
 */
class DatabaseFileTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedThreadDoesNotReadAndLeavesTheChannelOpenForOthers() throws Exception {
        Path file = dir.resolve("a.db");
        SqliteFile.run(file, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
        DatabaseFile database = DatabaseFile.read(file);
        byte[] page = new byte[database.pageSize()];

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> database.readPage(1, page)).isInstanceOf(InterruptedIOException.class);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the caller").isTrue();
        }

        // A read through a closed channel fails with ClosedChannelException (a message of null).
        database.readPage(1, page);
        assertThat(new String(page, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        assertThat(DatabaseFile.start(file, 6)).asString().isEqualTo("SQLite");
    }
}
