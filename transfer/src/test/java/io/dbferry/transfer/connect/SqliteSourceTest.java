package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSourceTest {

    @TempDir
    Path directory;

    private Path createDatabase(String fileName) throws SQLException {
        Path file = directory.resolve(fileName);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO artist (name) VALUES ('AC/DC'), ('Accept')");
        }
        return file;
    }

    private static long countArtists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM artist")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<Path> filesInDirectory() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void readsAnExistingDatabase() throws Exception {
        try (Connection connection = SqliteSource.openReadOnly(createDatabase("music.db"))) {
            assertThat(countArtists(connection)).isEqualTo(2);
        }
    }

    @Test
    void leavesTheFileBytesAndModificationTimeUnchanged() throws Exception {
        Path file = createDatabase("music.db");
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, longAgo);
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = filesInDirectory();

        try (Connection connection = SqliteSource.openReadOnly(file)) {
            countArtists(connection);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(longAgo);
        assertThat(filesInDirectory()).isEqualTo(filesBefore);
    }

    @Test
    void failsEveryWriteBecauseTheConnectionIsReadOnly() throws Exception {
        try (Connection connection = SqliteSource.openReadOnly(createDatabase("music.db"));
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO artist (name) VALUES ('Aerosmith')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQLITE_READONLY");
            assertThat(countArtists(connection)).isEqualTo(2);
        }
    }

    @Test
    void reportsAMissingFileAsNotFoundAndNeverCreatesIt() {
        Path missing = directory.resolve("missing.db");

        assertThatThrownBy(() -> SqliteSource.openReadOnly(missing))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageStartingWith("source database not found: " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void reportsADirectoryAsNotFound() {
        assertThatThrownBy(() -> SqliteSource.openReadOnly(directory))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("source database not found: " + directory)
                .hasMessageContaining("is a directory");
    }

    @Test
    void reportsAFileWithoutTheSqliteHeaderAsNotSqlite() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.db"), "these are notes, not a database");

        assertThatThrownBy(() -> SqliteSource.openReadOnly(text))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_SQLITE))
                .hasMessageStartingWith(text + " is not an SQLite database (");
    }

    @Test
    void reportsAnEmptyFileAsNotSqlite() throws IOException {
        Path empty = Files.createFile(directory.resolve("empty.db"));

        assertThatThrownBy(() -> SqliteSource.openReadOnly(empty))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_SQLITE))
                .hasMessage(empty + " is not an SQLite database (the file is empty)");
        assertThat(empty).isEmptyFile();
    }

    @Test
    void reportsADamagedFileBehindAValidHeaderAsNotSqlite() throws IOException {
        byte[] damaged = new byte[4096];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, damaged, 0, header.length);
        Path file = Files.write(directory.resolve("damaged.db"), damaged);

        assertThatThrownBy(() -> SqliteSource.openReadOnly(file))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_SQLITE))
                .hasMessageStartingWith(file + " is not an SQLite database (");
    }

    @Test
    void opensAFileWhoseNameHasAQuestionMarkSpaceAndHash() throws Exception {
        Path odd = Files.move(createDatabase("plain.db"), directory.resolve("my music?v=2 #1.db"));

        try (Connection connection = SqliteSource.openReadOnly(odd)) {
            assertThat(countArtists(connection)).isEqualTo(2);
        }
        assertThat(filesInDirectory()).containsExactly(odd);
    }

    @Test
    void opensTheChinookSample() throws Exception {
        try (Connection connection = SqliteSource.openReadOnly(Samples.chinook());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(11);
        }
    }
}
