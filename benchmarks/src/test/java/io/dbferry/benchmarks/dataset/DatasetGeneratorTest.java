package io.dbferry.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.profile.SqliteDataProfiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated dataset: deterministic, shaped as issue 4's reference, and migratable by dbferry as it is. */
class DatasetGeneratorTest {

    private static final long ROWS = 3_000;

    @TempDir
    static Path dir;

    private static Path dataset;

    @BeforeAll
    static void generate() {
        dataset = dir.resolve("dataset.sqlite");
        DatasetGenerator.generate(dataset, ROWS, 7);
    }

    @Test
    void sameSeedGivesTheSameRows() throws SQLException {
        Path again = dir.resolve("again.sqlite");
        DatasetGenerator.generate(again, ROWS, 7);

        assertThat(DatasetChecksum.of(again)).isEqualTo(DatasetChecksum.of(dataset));
    }

    @Test
    void otherSeedGivesOtherRows() throws SQLException {
        Path other = dir.resolve("other.sqlite");
        DatasetGenerator.generate(other, ROWS, 8);

        assertThat(DatasetChecksum.of(other)).isNotEqualTo(DatasetChecksum.of(dataset));
    }

    @Test
    void replacesAnExistingFile() throws SQLException {
        Path file = dir.resolve("replaced.sqlite");
        DatasetGenerator.generate(file, 100, 7);
        DatasetGenerator.generate(file, ROWS, 7);

        assertThat(DatasetChecksum.of(file)).isEqualTo(DatasetChecksum.of(dataset));
        assertThat(file.resolveSibling("replaced.sqlite.partial")).doesNotExist();
    }

    @Test
    void putsOneRowInTwentyInTheParentTable() throws SQLException {
        assertThat(query("SELECT count(*) FROM customers")).containsExactly("150");
        assertThat(query("SELECT count(*) FROM orders")).containsExactly("2850");
    }

    @Test
    void everyOrderReferencesACustomer() throws SQLException {
        assertThat(query("PRAGMA foreign_key_check")).isEmpty();
        assertThat(query("SELECT count(DISTINCT customer_id) > 100 FROM orders")).containsExactly("1");
    }

    @Test
    void hasTwoSecondaryIndexes() throws SQLException {
        assertThat(query("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
                .containsExactly("orders_created_at_idx", "orders_customer_id_idx");
    }

    @Test
    void storesEachColumnAsApplicationsDo() throws SQLException {
        assertThat(query("SELECT DISTINCT typeof(uuid) || ' ' || length(uuid) FROM orders")).containsExactly("text 36");
        assertThat(query("SELECT DISTINCT is_paid FROM orders ORDER BY 1")).containsExactly("0", "1");
        assertThat(query("SELECT DISTINCT typeof(amount) FROM orders ORDER BY 1")).containsExactly("integer", "real");
        assertThat(query("SELECT DISTINCT typeof(weight_kg) FROM orders ORDER BY 1")).containsExactly("null", "real");
        assertThat(query("SELECT count(*) FROM orders WHERE NOT json_valid(attributes)")).containsExactly("0");
        assertThat(query("SELECT DISTINCT typeof(created_at) FROM orders")).containsExactly("text");
        assertThat(query("SELECT count(*) FROM orders WHERE created_at NOT GLOB"
                + " '20[12][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]'"))
                .containsExactly("0");
        assertThat(query("SELECT DISTINCT typeof(updated_at) FROM orders")).containsExactly("integer");
        assertThat(query("SELECT count(*) FROM orders WHERE updated_at < unixepoch(created_at)")).containsExactly("0");
        assertThat(query("SELECT DISTINCT typeof(note) FROM orders ORDER BY 1")).containsExactly("null", "text");
        assertThat(query("SELECT DISTINCT typeof(checksum) || ' ' || length(checksum) FROM orders"))
                .containsExactly("blob 16");
    }

    @Test
    void hasTextThatNeedsEscapingAndMoreThanAscii() throws SQLException {
        assertThat(query("SELECT count(*) > 0 FROM orders WHERE instr(note, char(9)) OR instr(note, char(10))"))
                .containsExactly("1");
        assertThat(query("SELECT count(*) > 0 FROM orders WHERE instr(note, '\\')")).containsExactly("1");
        assertThat(query("SELECT count(*) > 0 FROM orders WHERE instr(note, '📦')")).containsExactly("1");
    }

    @Test
    void mapsToTheReferenceTargetTypes() throws SQLException {
        Map<String, String> types = new HashMap<>();
        for (MappedColumn column : mappedTable("orders").columns()) {
            types.put(column.targetName(), column.targetType().toString());
        }

        assertThat(types).containsEntry("uuid", "uuid").containsEntry("is_paid", "boolean")
                .containsEntry("amount", "numeric(12,2)").containsEntry("weight_kg", "double precision")
                .containsEntry("attributes", "jsonb").containsEntry("created_at", "timestamp")
                .containsEntry("updated_at", "timestamp").containsEntry("checksum", "bytea");
    }

    @Test
    void holdsNoValueDbferryWouldReject() throws SQLException {
        try (Connection connection = SqliteSource.openReadOnly(dataset)) {
            SqliteDataProfiler profiler = new SqliteDataProfiler(connection);
            for (MappedTable table : mappedTables(connection)) {
                assertThat(profiler.profile(table, 0).issues()).as(table.target().name()).isEmpty();
            }
        }
    }

    @Test
    void refusesFewerRowsThanOneCustomerAndOneOrder() {
        assertThatThrownBy(() -> DatasetGenerator.generate(dir.resolve("tiny.sqlite"), 1, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--rows must be ≥ 2, was 1");
    }

    private static MappedTable mappedTable(String name) throws SQLException {
        try (Connection connection = SqliteSource.openReadOnly(dataset)) {
            return mappedTables(connection).stream().filter(t -> t.target().name().equals(name)).findFirst()
                    .orElseThrow();
        }
    }

    private static List<MappedTable> mappedTables(Connection connection) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                .map(SqliteSchemaReader.read(connection).tables()).tables();
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = SqliteSource.openReadOnly(dataset);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
