package io.dbferry.transfer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks of one table hold every row exactly once, whatever the keys look like. */
class ChunkPlannerTest {

    @TempDir
    Path dir;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private void execute(String... statements) throws Exception {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    private MappedTable table(String name) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                .map(SqliteSchemaReader.read(connection).tables()).tables().stream()
                .filter(t -> t.source().id().name().equals(name)).findFirst().orElseThrow();
    }

    private List<Chunk> plan(String name, long chunkRows) {
        return new ChunkPlanner(connection).plan(table(name).source(), chunkRows);
    }

    /** The first column of every row, read chunk by chunk, as text. */
    private List<String> readByChunks(String name, long chunkRows) {
        MappedTable table = table(name);
        List<String> values = new ArrayList<>();
        for (Chunk chunk : plan(name, chunkRows)) {
            new SqliteTableReader(connection).read(table, chunk.bounds(), row -> values.add(String.valueOf(row[0])));
        }
        return values;
    }

    @Test
    void rowidTableWithGapsHasEveryRowOnceInSparseChunks() throws Exception {
        execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (1000000, 'c'), (5000000, 'd'), (-7, 'e')");

        List<Chunk> chunks = plan("t", 2);

        assertThat(chunks).hasSize(3).allMatch(c -> c.bounds() instanceof ChunkBounds.RowidRange);
        assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1, 2);
        assertThat(readByChunks("t", 2)).containsExactlyInAnyOrder("-7", "1", "2", "1000000", "5000000");
        assertThat(readByChunks("t", 1)).containsExactlyInAnyOrder("-7", "1", "2", "1000000", "5000000");
    }

    @Test
    void denseRowidTableIsSplitIntoEqualRowidRanges() throws Exception {
        execute("CREATE TABLE t (v INTEGER)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                        + "INSERT INTO t SELECT i FROM n",
                "DELETE FROM t WHERE v % 7 = 0");

        List<Chunk> chunks = plan("t", 100);

        assertThat(chunks).hasSize(9);
        assertThat(chunks.getFirst().bounds()).isEqualTo(new ChunkBounds.RowidRange("rowid", Long.MIN_VALUE, 112));
        assertThat(chunks.getLast().bounds()).isEqualTo(new ChunkBounds.RowidRange("rowid", 897, Long.MAX_VALUE));
        assertThat(readByChunks("t", 100)).hasSize(858).doesNotHaveDuplicates();
    }

    @Test
    void withoutRowidTableWithTextKeyIsSplitByKey() throws Exception {
        execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID",
                "INSERT INTO t VALUES ('b', 1), ('a', 2), ('B', 3), ('é', 4), ('a''b', 5), ('', 6), ('zz', 7)");

        List<Chunk> chunks = plan("t", 2);

        assertThat(chunks).hasSize(4).allMatch(c -> c.bounds() instanceof ChunkBounds.KeyRange);
        assertThat(chunks.get(1).bounds().describe()).isEqualTo("key k > 'B' and k ≤ 'a''b'");
        assertThat(readByChunks("t", 2)).containsExactlyInAnyOrder("b", "a", "B", "é", "a'b", "", "zz");
    }

    @Test
    void withoutRowidTableWithCompositeKeyHasEveryRowOnce() throws Exception {
        execute("CREATE TABLE t (a INTEGER, b TEXT, v TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                        + "INSERT INTO t SELECT i % 7, 'k' || (i % 13), i FROM n WHERE true ON CONFLICT DO NOTHING");
        long rows = count("t");

        assertThat(plan("t", 10)).hasSize((int) ((rows + 9) / 10));
        for (long chunkRows : List.of(1L, 3L, 10L, 90L)) {
            List<String> values = new ArrayList<>();
            MappedTable table = table("t");
            for (Chunk chunk : plan("t", chunkRows)) {
                new SqliteTableReader(connection).read(table, chunk.bounds(), row -> values.add(row[0] + "/" + row[1]));
            }
            assertThat(values).as("chunks of %d rows", chunkRows).hasSize((int) rows).doesNotHaveDuplicates();
        }
    }

    @Test
    void emptyAndOneRowTablesAreOneChunk() throws Exception {
        execute("CREATE TABLE empty (id INTEGER PRIMARY KEY)", "CREATE TABLE one (k TEXT PRIMARY KEY) WITHOUT ROWID",
                "INSERT INTO one VALUES ('only')");

        assertThat(plan("empty", 1)).singleElement()
                .satisfies(c -> assertThat(c.bounds()).isEqualTo(new ChunkBounds.WholeTable()))
                .satisfies(c -> assertThat(c.estimatedRows()).isZero());
        assertThat(plan("one", 1)).singleElement().satisfies(c -> assertThat(c.estimatedRows()).isEqualTo(1));
        assertThat(readByChunks("empty", 1)).isEmpty();
        assertThat(readByChunks("one", 1)).containsExactly("only");
    }

    @Test
    void columnsNamedRowidMakeTheReaderUseAnotherNameOrOneChunk() throws Exception {
        execute("CREATE TABLE shadow (rowid TEXT, v INTEGER)", "CREATE TABLE hidden (rowid TEXT, _rowid_ TEXT, oid TEXT)",
                "INSERT INTO shadow VALUES ('x', 1), ('y', 2), ('z', 3)",
                "INSERT INTO hidden VALUES ('x', 1, 1), ('y', 2, 2), ('z', 3, 3)");

        assertThat(plan("shadow", 1)).hasSize(3)
                .allSatisfy(c -> assertThat(((ChunkBounds.RowidRange) c.bounds()).rowid()).isEqualTo("_rowid_"));
        assertThat(readByChunks("shadow", 1)).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(plan("hidden", 1)).singleElement()
                .satisfies(c -> assertThat(c.bounds()).isEqualTo(new ChunkBounds.WholeTable()));
    }

    private long count(String table) throws Exception {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
