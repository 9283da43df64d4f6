package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.testing.SqliteFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteKeyPlanner}: every plan covers each row once, in chunks near the size asked — by equal key ranges
 * where most key values are taken, by stepping over the keys where they are sparse or not one integer column —
 * and a key that only looks like the rowid still has its values checked. Row counts per chunk are SQLite's own
 * {@code count(*)} over each planned range.
 */
class SqliteKeyPlannerTest {

    private static final String NUMBERS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) ";

    @TempDir
    Path dir;

    @Test
    void plansGaplessRowidKeysInChunksOfExactlyTheSizeAsked() throws Exception {
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(1000)
                + "INSERT INTO t SELECT i + 500, 'v' FROM n",
                "CREATE TABLE low (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(1000)
                + "INSERT INTO low SELECT -9223372036854775807 - 1 + (i - 1), 'v' FROM n");

        assertThat(rowsPerChunk("t", 100)).hasSize(10).containsOnly(100L);
        assertThat(rowsPerChunk("low", 100)).hasSize(10).containsOnly(100L);
    }

    @Test
    void cutsRowidKeysWithGapsIntoEqualKeyRanges() throws Exception {
        // 1,000 keys among 1..1,600, deleted in runs of 150 (id % 400 from 250 to 399): ten key ranges 160 wide
        // from the minimum hold 10 to 160 keys each, where stepping over the keys would give 100 each.
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(1600)
                + "INSERT INTO t SELECT i, 'v' FROM n", "DELETE FROM t WHERE id % 400 >= 250");
        assertThat(SqliteFile.value(file(), "SELECT count(*) FROM t")).isEqualTo("1000");

        KeyPlan plan = plan("t", 100);

        List<Object> lowerBounds = plan.boundaries().stream().map(List::getFirst).toList();
        assertThat(lowerBounds).containsExactly(161L, 321L, 481L, 641L, 801L, 961L, 1121L, 1281L, 1441L);
        List<Long> expected = new ArrayList<>();
        for (long lower = 1; lower <= 1600; lower += 160) {
            long from = lower;
            expected.add(LongStream.range(from, from + 160).filter(id -> id <= 1600 && id % 400 < 250).count());
        }
        assertThat(rowsPerChunk("t", 100)).containsExactlyElementsOf(expected).allSatisfy(n -> assertThat(n)
                .isBetween(1L, 200L));
    }

    @Test
    void knowsTheRowidFromItsLookAlikes() throws Exception {
        source("CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT)",
                "CREATE TABLE \"q \"\"t\" (\"i\"\"d\" INTEGER PRIMARY KEY, v TEXT)",
                "CREATE TABLE c (id INTEGER, v TEXT, PRIMARY KEY (id DESC))",
                "CREATE TABLE d (id INTEGER PRIMARY KEY DESC, v TEXT)",
                "CREATE TABLE i (id INT PRIMARY KEY, v TEXT)",
                "CREATE TABLE w (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID");

        // a table constraint PRIMARY KEY (id DESC) is the rowid; a column's INTEGER PRIMARY KEY DESC is not
        // (https://www.sqlite.org/lang_createtable.html#rowid)
        assertThat(List.of("r", "q \"t", "c")).allSatisfy(t -> assertThat(isRowid(t)).as(t).isTrue());
        assertThat(List.of("d", "i", "w")).allSatisfy(t -> assertThat(isRowid(t)).as(t).isFalse());
    }

    @Test
    void stepsOverSparseKeysToKeepChunksTheSizeAsked() throws Exception {
        // 1,000 keys spread over 1..1,000,000,000: equal key ranges would put them all in one chunk.
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(1000)
                + "INSERT INTO t SELECT i * i * 1000, 'v' FROM n");

        List<Long> rows = rowsPerChunk("t", 100);

        assertThat(rows).hasSize(10).containsOnly(100L);
    }

    @Test
    void plansKeysAtBothEndsOfTheIntegerRange() throws Exception {
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(150)
                + "INSERT INTO t SELECT -9223372036854775807 - 1 + (i - 1), 'v' FROM n", NUMBERS.formatted(150)
                + "INSERT INTO t SELECT 9223372036854775807 - (i - 1), 'v' FROM n");

        List<Long> rows = rowsPerChunk("t", 100);

        assertThat(rows).containsExactly(100L, 100L, 100L);
    }

    @Test
    void stillChecksTheValuesOfIntegerKeysThatAreNotTheRowid() throws Exception {
        // INTEGER PRIMARY KEY DESC and INT PRIMARY KEY are no rowid: a text value sorts after every integer.
        source("CREATE TABLE d (id INTEGER PRIMARY KEY DESC, v TEXT)", "INSERT INTO d VALUES (1, 'a'), ('x', 'b')",
                "CREATE TABLE i (id INT PRIMARY KEY, v TEXT)", "INSERT INTO i VALUES (1, 'a'), ('x', 'b')");

        assertThat(plan("d", 100).problem()).contains("\"id\" holds TEXT x");
        assertThat(plan("i", 100).problem()).contains("\"id\" holds TEXT x");
    }

    @Test
    void plansAnEmptyTableAsOneChunk() throws Exception {
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");

        assertThat(plan("t", 100).chunks()).containsExactly(KeyRange.ALL);
    }

    /** The rows SQLite counts in each chunk of the table's plan. */
    private List<Long> rowsPerChunk(String table, int chunkRows) throws Exception {
        KeyPlan plan = plan(table, chunkRows);
        assertThat(plan.problem()).isNull();
        List<Long> rows = new ArrayList<>();
        for (KeyRange chunk : plan.chunks()) {
            String where = (chunk.lower() == null ? "1" : "id >= " + chunk.lower().getFirst())
                    + (chunk.upper() == null ? "" : " AND id < " + chunk.upper().getFirst());
            rows.add(Long.parseLong(SqliteFile.value(file(), "SELECT count(*) FROM " + table + " WHERE " + where)));
        }
        assertThat(rows.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(Long.parseLong(SqliteFile.value(file(), "SELECT count(*) FROM " + table)));
        return rows;
    }

    private KeyPlan plan(String table, int chunkRows) throws Exception {
        try (Connection connection = SqliteSource.openReadOnly(file())) {
            return rows(connection, table).plan(chunkRows);
        }
    }

    private boolean isRowid(String table) {
        try (Connection connection = SqliteSource.openReadOnly(file())) {
            KeyColumns key = KeyColumns.of(mapped(connection, table)).orElseThrow();
            return new SqliteKeyPlanner(rows(connection, table), key, false, "UTF-8").keyIsRowid();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SqliteRows rows(Connection connection, String table) {
        MappedTable mapped = mapped(connection, table);
        return new SqliteRows(connection, mapped, KeyColumns.of(mapped).orElseThrow());
    }

    private static MappedTable mapped(Connection connection, String table) {
        return SourceMapping.read(connection, MigrationOptions.builder().build()).tables().stream()
                .filter(t -> t.source().id().name().equals(table)).findFirst().orElseThrow();
    }

    private void source(String... statements) throws Exception {
        SqliteFile.run(file(), statements);
    }

    private Path file() {
        return dir.resolve("plan.db");
    }
}
