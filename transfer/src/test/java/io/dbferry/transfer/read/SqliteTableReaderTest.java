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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values arrive with their SQLite storage class, whatever the declared type says. */
class SqliteTableReaderTest {

    @TempDir
    Path dir;

    private List<Object[]> readAll(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
            }
            MappedTable table = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                    .map(SqliteSchemaReader.read(c).tables()).tables().get(0);
            List<Object[]> rows = new ArrayList<>();
            long count = new SqliteTableReader(c).read(table, values -> rows.add(Arrays.copyOf(values, values.length)));
            assertThat(count).isEqualTo(rows.size());
            return rows;
        }
    }

    @Test
    void readsEachStorageClassAsItsJavaTypeWhateverTheDeclaredType() throws Exception {
        List<Object[]> rows = readAll("CREATE TABLE t (a DATETIME, b BOOLEAN, c NUMERIC(10,2), d INTEGER)",
                "INSERT INTO t VALUES ('2024-01-01 10:00:00', 1, 1.98, 'text in an integer column')",
                "INSERT INTO t VALUES (1700000000, 'yes', x'01', 12)",
                "INSERT INTO t VALUES (2460000.5, NULL, 5, 3000000000)");

        assertThat(rows.get(0)).containsExactly("2024-01-01 10:00:00", 1L, 1.98, "text in an integer column");
        assertThat(rows.get(1)).containsExactly(1700000000L, "yes", new byte[] {1}, 12L);
        assertThat(rows.get(2)).containsExactly(2460000.5, null, 5L, 3000000000L);
    }

    @Test
    void readsBinaryJsonbBlobsAsJsonText() throws Exception {
        List<Object[]> rows = readAll("CREATE TABLE t (doc JSON)",
                "INSERT INTO t VALUES (jsonb('{\"a\":[1,2]}'))",
                "INSERT INTO t VALUES ('{\"b\": true}')",
                "INSERT INTO t VALUES (x'0102')");

        assertThat(rows).extracting(r -> r[0]).containsExactly("{\"a\":[1,2]}", "{\"b\": true}", new byte[] {1, 2});
    }

    @Test
    void quotesTableAndColumnNames() throws Exception {
        List<Object[]> rows = readAll("CREATE TABLE \"Mixed Case\" (\"select\" TEXT, \"a\"\"b\" INTEGER)",
                "INSERT INTO \"Mixed Case\" VALUES ('x', 1)");

        assertThat(rows.get(0)).containsExactly("x", 1L);
    }
}
