package io.dbferry.transfer.tosqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.profile.TableProfile;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL → SQLite data profile against a real PostgreSQL: values migrate's conversion rejects are counted,
 * with at most five examples named by primary key, or by every column in a table without one (as the reject files
 * name rows).
 */
class PostgresDataProfilerIT {

    private TestDatabase database;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.freshDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE readings (sensor text, taken date, value double precision);
                    INSERT INTO readings VALUES ('o''k', 'infinity', NULL);
                    INSERT INTO readings SELECT 's' || g, '0100-01-01 BC'::date + g, g FROM generate_series(1, 7) g;
                    INSERT INTO readings VALUES ('ok', '2024-01-01', 'NaN');
                    CREATE TABLE keyed (id bigint PRIMARY KEY, taken timestamp);
                    INSERT INTO keyed VALUES (3, 'infinity'), (1, '2024-01-01'), (2, '-infinity');
                    """);
        }
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private TableProfile profile(String table, long sampleRows) throws Exception {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            SqliteTable mapped = PostgresToSqlite.map(c, "public", MigrationOptions.builder().build()).tables()
                    .stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
            return new PostgresDataProfiler(c, "public").profile(mapped, sampleRows);
        }
    }

    private static CompatibilityIssue issue(TableProfile profile, IssueCode code, String column) {
        return profile.issues().stream().filter(i -> i.code() == code && i.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " on " + column + " in " + profile.issues()));
    }

    @Test
    void countsEveryRejectedValue_keepsFiveExamples_andNamesRowsByEveryColumnWithoutAPrimaryKey() throws Exception {
        TableProfile profile = profile("readings", 0);

        assertThat(profile.rowsScanned()).isEqualTo(9);
        CompatibilityIssue dates = issue(profile, IssueCode.VALUE_OUT_OF_RANGE, "taken");
        assertThat(dates.affectedRows()).isEqualTo(8);
        assertThat(dates.examples()).hasSize(CompatibilityIssue.MAX_EXAMPLES);
        assertThat(dates.examples()).extracting(Example::key).contains(Map.of("sensor", "'o''k'", "taken",
                "'infinity'", "value", "NULL"), Map.of("sensor", "'s1'", "taken", "'0100-01-02 BC'", "value", "1"))
                .hasSize(5);
        assertThat(issue(profile, IssueCode.NAN_OR_INFINITY, "value").examples()).extracting(Example::value)
                .containsExactly("'NaN'");
    }

    @Test
    void readsInPrimaryKeyOrder_andStopsAfterTheSample() throws Exception {
        TableProfile all = profile("keyed", 0);
        assertThat(issue(all, IssueCode.VALUE_OUT_OF_RANGE, "taken").examples()).extracting(Example::key)
                .containsExactly(Map.of("id", "2"), Map.of("id", "3"));

        TableProfile sample = profile("keyed", 2);
        assertThat(sample.rowsScanned()).isEqualTo(2);
        assertThat(issue(sample, IssueCode.VALUE_OUT_OF_RANGE, "taken").examples()).extracting(Example::value)
                .containsExactly("'-infinity'");
    }
}
