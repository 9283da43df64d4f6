package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.testing.SqliteFile;
import io.dbferry.transfer.testing.SqliteWriterProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PageDigests}: a chunk read from the file's pages hashes exactly as the same chunk read through SQL, for
 * every kind of value the verification transforms (including whole REALs SQLite stores as integers, invalid
 * UTF-8, values the transforms reject, records on overflow pages); and what it does not take — rows older than an
 * added column, WITHOUT ROWID and generated columns, key ranges that are not rowid ranges, a WAL with frames, a
 * UTF-16 database — it leaves to SQL.
 */
class PageDigestsTest {

    static final String TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, r REAL, d DOUBLE, "
            + "price NUMERIC(10,2), flag BOOLEAN, created DATETIME, doc JSON, uid UUID, payload BLOB, note TEXT)";

    @TempDir
    Path dir;

    @Test
    void hashesEveryChunkAsTheSameRowsReadThroughSql() throws Exception {
        SqliteFile.run(file(), "PRAGMA page_size = 1024", TABLE);
        insertRandomRows(file(), new Random(11), 3000);

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            PageDigests pages = pages(rows, connection, "t").orElseThrow();
            for (KeyRange range : List.of(KeyRange.ALL, new KeyRange(List.of(-5L), List.of(100L)),
                    new KeyRange(List.of(100L), List.of(2500L)), new KeyRange(List.of(2500L), null),
                    new KeyRange(null, List.of(1L)), new KeyRange(List.of(5000L), null))) {
                ChunkDigest fromPages = pages.digest(range, rows.storedRow()).orElseThrow();
                assertThat(fromPages).as("range %s", range).isEqualTo(rows.binaryDigestThroughSql(range));
            }
            assertThat(pages.digest(KeyRange.ALL, rows.storedRow()).orElseThrow().rows()).isEqualTo(3000);
            assertThat(rows.binaryDigest(KeyRange.ALL)).isEqualTo(rows.binaryDigestThroughSql(KeyRange.ALL));
        }
    }

    @Test
    void readsEachValueWithTheStorageClassAndValueSqliteJdbcGives() throws Exception {
        SqliteFile.run(file(), "PRAGMA page_size = 512", TABLE);
        insertRandomRows(file(), new Random(13), 1000);
        List<List<Object>> fromPages = new ArrayList<>();
        List<List<Object>> throughSql = new ArrayList<>();

        try (Connection connection = SqliteSource.openReadOnly(file())) {
            SqliteRows rows = rows(connection, "t");
            boolean read = pages(rows, connection, "t").orElseThrow()
                    .scan(KeyRange.ALL, row -> fromPages.add(values(row)));
            assertThat(read).isTrue();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(rows.select() + " order by id")) {
                StorageClasses.Reader jdbc = new StorageClasses.Reader(rs, false);
                while (rs.next()) {
                    throughSql.add(values(jdbc));
                }
            }
        }

        assertThat(fromPages).hasSize(1000).containsExactlyElementsOf(throughSql);
        assertThat(throughSql).as("a whole REAL, which SQLite stores as an integer").anySatisfy(row -> {
            List<?> r = (List<?>) row.get(2);
            assertThat(r.get(0)).isEqualTo(StorageClass.REAL);
            assertThat((Double) r.get(1) % 1).isZero();
        });
    }

    /** Each value of a row as [storage class, value], byte arrays as lists so that rows compare by content. */
    private static List<Object> values(SourceRow row) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            StorageClass storageClass = row.storageClass(i);
            Object value = row.value(i, storageClass);
            values.add(List.of(storageClass, value instanceof byte[] b ? HexFormat.of().formatHex(b)
                    : value == null ? "null" : value));
        }
        return values;
    }

    @Test
    void aChangedValueChangesThePagesDigest() throws Exception {
        SqliteFile.run(file(), TABLE);
        insertRandomRows(file(), new Random(5), 50);
        // a row every transform takes: a random row with a rejected value hashes as NOT_STORABLE however it changes
        SqliteFile.run(file(), "INSERT INTO t VALUES (51, 1, 2.5, 1.0, '1.50', 1, '2024-01-01 00:00:00', '{}', "
                + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', x'00', 'n')");
        ChunkDigest before = pagesDigest(file(), "t", KeyRange.ALL).orElseThrow();

        SqliteFile.run(file(), "UPDATE t SET r = 3.5 WHERE id = 51");

        assertThat(pagesDigest(file(), "t", KeyRange.ALL).orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void readingPagesKeepsTheReadLocksOfOtherConnectionsInTheProcess() throws Exception {
        // SQLite's locks are POSIX locks of the process: closing any descriptor of the file would drop them all
        // (https://www.sqlite.org/howtocorrupt.html §2.2). Only a writer in another process sees that.
        SqliteFile.run(file(), TABLE);
        insertRandomRows(file(), new Random(2), 20);

        try (Connection holder = SqliteSource.openReadOnly(file());
                Connection reader = SqliteSource.openReadOnly(file())) {
            try (ReadTransaction locked = ReadTransaction.begin(holder)) {
                SqliteRows rows = rows(reader, "t");
                assertThat(pages(rows, reader, "t").orElseThrow().digest(KeyRange.ALL, rows.storedRow())).isPresent();
                SqliteSource.openReadOnly(file()).close(); // a worker's connection, opened and closed

                assertThat(SqliteWriterProcess.run(file(), "UPDATE t SET n = 0")).as("writer while locked")
                        .isEqualTo(SqliteWriterProcess.LOCKED);
            }
            assertThat(SqliteWriterProcess.run(file(), "UPDATE t SET n = 0")).as("writer after").isZero();
        }
    }

    @Test
    void tellsRealAffinityByTheRulesOfDatatype3() {
        assertThat(List.of("REAL", "double precision", "FLOAT", "Double", "REAL(10,2)"))
                .allMatch(PageDigests::realAffinity);
        assertThat(Arrays.asList("FLOATING POINT", "", null, "NUMERIC", "INTEGER", "TEXT", "BLOB", "DECIMAL(10,5)",
                "CHARREAL")).noneMatch(PageDigests::realAffinity);
    }

    @Test
    void aReadTransactionKeepsWritersFromCommittingUntilItCloses() throws Exception {
        SqliteFile.run(file(), "CREATE TABLE t (id INTEGER PRIMARY KEY)");

        try (Connection reader = SqliteSource.openReadOnly(file());
                Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement write = writer.createStatement()) {
            write.execute("PRAGMA busy_timeout = 0");
            try (ReadTransaction locked = ReadTransaction.begin(reader)) {
                assertThatThrownBy(() -> write.execute("INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("locked");
            }
            write.execute("INSERT INTO t VALUES (2)");
            assertThat(reader.getAutoCommit()).isTrue();
        }
        assertThat(SqliteFile.value(file(), "SELECT group_concat(id) FROM t")).isEqualTo("2");
    }

    /** Random rows of {@link #TABLE}: every kind of value the transforms take or reject, some on overflow pages. */
    static void insertRandomRows(Path file, Random random, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= rows; id++) {
                    insert.setLong(1, id);
                    insert.setObject(2, pick(random, random.nextLong(), random.nextInt(300) - 150, "12abc", null));
                    insert.setObject(3, pick(random, random.nextInt(100), random.nextDouble() * 1e9, -0.0, "x"));
                    insert.setObject(4, pick(random, (double) random.nextInt(5), random.nextGaussian(), null, 7));
                    insert.setObject(5, pick(random, "12.50", random.nextInt(100_000) / 100.0, 3, "abc"));
                    insert.setObject(6, pick(random, 0, 1, "yes", "maybe"));
                    insert.setObject(7, pick(random, "2024-01-02 03:04:05.123456", 1_700_000_000 + id,
                            2_460_000.5, "2024-02-30"));
                    insert.setObject(8, pick(random, "{\"b\": [1, 2.50], \"a\": {\"z\": null}}", "[]",
                            "{\"k\": \"" + "v".repeat(random.nextInt(3000)) + "\"}", "{not json"));
                    insert.setObject(9, pick(random, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                            "a0eebc999c0b4ef8bb6d6bb9bd380a12", "not-a-uuid", null));
                    byte[] payload = new byte[random.nextInt(10) == 0 ? 5000 : random.nextInt(20)];
                    random.nextBytes(payload);
                    insert.setBytes(10, payload);
                    insert.setObject(11, pick(random, "tab\there é 😀", "", null, "z".repeat(random.nextInt(2000))));
                    insert.executeUpdate();
                }
            }
            c.commit();
        }
        SqliteFile.run(file, "UPDATE t SET note = CAST(x'c328' AS TEXT) WHERE id % 97 = 0");
    }

    private static Object pick(Random random, Object... values) {
        return values[random.nextInt(values.length)];
    }

    /** A range's digest from the pages, checked equal to the same range's through SQL; empty when left to SQL. */
    static Optional<ChunkDigest> pagesDigest(Path file, String table, KeyRange range) throws Exception {
        try (Connection connection = SqliteSource.openReadOnly(file)) {
            SqliteRows rows = rows(connection, table);
            Optional<ChunkDigest> digest = pages(rows, connection, table)
                    .flatMap(p -> p.digest(range, rows.storedRow()));
            digest.ifPresent(d -> assertThat(d).as("pages of %s", table)
                    .isEqualTo(rows.binaryDigestThroughSql(range)));
            return digest;
        }
    }

    static Optional<PageDigests> pages(SqliteRows rows, Connection connection, String table) {
        MappedTable mapped = mapped(connection, table);
        return PageDigests.of(rows, connection, mapped, KeyColumns.of(mapped).orElse(null));
    }

    static SqliteRows rows(Connection connection, String table) {
        MappedTable mapped = mapped(connection, table);
        return new SqliteRows(connection, mapped, KeyColumns.of(mapped).orElse(null));
    }

    private static MappedTable mapped(Connection connection, String table) {
        return SourceMapping.read(connection, MigrationOptions.builder().build()).tables().stream()
                .filter(t -> t.source().id().name().equals(table)).findFirst().orElseThrow();
    }

    private Path file() {
        return dir.resolve("pages.db");
    }
}
