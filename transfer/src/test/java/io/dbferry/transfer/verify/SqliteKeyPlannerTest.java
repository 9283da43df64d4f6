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
                + "INSERT INTO t SELECT i + 500, 'v' FROM n");

        List<Long> rows = rowsPerChunk("t", 100);

        assertThat(rows).hasSize(10).containsOnly(100L);
    }

    @Test
    void plansRowidKeysWithGapsInChunksOfAtMostTwiceTheSize() throws Exception {
        // 1,000 keys among 1..1,600: deleted in runs, so some ranges are full and some empty.
        source("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", NUMBERS.formatted(1600)
                + "INSERT INTO t SELECT i, 'v' FROM n", "DELETE FROM t WHERE id % 400 >= 250 AND id <= 1600");
        assertThat(SqliteFile.value(file(), "SELECT count(*) FROM t")).isEqualTo("1000");

        List<Long> rows = rowsPerChunk("t", 100);

        assertThat(rows).hasSize(10).allSatisfy(n -> assertThat(n).isBetween(0L, 200L));
        assertThat(rows.stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
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
            MappedTable mapped = SourceMapping.read(connection, MigrationOptions.builder().build()).tables().stream()
                    .filter(t -> t.source().id().name().equals(table)).findFirst().orElseThrow();
            return new SqliteRows(connection, mapped, KeyColumns.of(mapped).orElseThrow()).plan(chunkRows);
        }
    }

    private void source(String... statements) throws Exception {
        SqliteFile.run(file(), statements);
    }

    private Path file() {
        return dir.resolve("plan.db");
    }
}
