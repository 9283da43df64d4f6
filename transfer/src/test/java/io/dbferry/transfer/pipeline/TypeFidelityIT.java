package io.dbferry.transfer.pipeline;

import static io.dbferry.transfer.pipeline.ChinookMigrationIT.count;
import static io.dbferry.transfer.pipeline.ChinookMigrationIT.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value family crosses from SQLite's storage classes into its PostgreSQL type exactly; expected
 * values are PostgreSQL's own text output, worked out from the PostgreSQL and SQLite docs (epoch and
 * Julian-day conversions checked with sqlite3's datetime()).
 */
class TypeFidelityIT {

    private static final String SCHEMA = """
            CREATE TABLE everything (
              id INTEGER PRIMARY KEY, flag BOOLEAN, doc JSON, uid UUID, created DATETIME, day DATE,
              price NUMERIC(10,2), ratio REAL, name VARCHAR(20), payload BLOB, big INTEGER, note TEXT);
            """;

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path sqlite;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.freshDatabase();
        sqlite = dir.resolve("fixture.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.executeUpdate(SCHEMA);
            s.executeUpdate("INSERT INTO everything VALUES (1, 1, '{\"b\": [1, 2], \"a\": null}', "
                    + "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '2024-01-02 03:04:05.123456', '2024-02-29', 1.98, 0.1, "
                    + "'tab\there', x'00ff10', 9223372036854775807, 'line' || char(10) || 'break back\\slash é 😀')");
            s.executeUpdate("INSERT INTO everything VALUES (2, 'no', NULL, 'a0eebc999c0b4ef8bb6d6bb9bd380a12', "
                    + "1700000000, NULL, '12.50', -1.5e300, 'x', 'text as blob', -9223372036854775808, '')");
            s.executeUpdate("INSERT INTO everything VALUES (3, 't', '[]', x'a0eebc999c0b4ef8bb6d6bb9bd380a13', "
                    + "2460000.5, '2023-02-24 00:00:00', 3, 1e-7, NULL, NULL, 0, NULL)");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    private void migrate() throws Exception {
        migrate(OnError.REJECT);
    }

    private void migrate(OnError onError) throws Exception {
        MigrationOptions options = MigrationOptions.builder().onError(onError).build();
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            new Migration(sqlite, target.dataSource(), options, MigrationListener.NONE).run();
        }
    }

    private List<String> column(String expression) throws Exception {
        try (Connection target = database.connect()) {
            return strings(target, "select coalesce((" + expression + ")::text, 'NULL') from public.everything order by id");
        }
    }

    @Test
    void convertsEveryValueFamilyExactly() throws Exception {
        migrate();

        assertThat(column("flag")).containsExactly("true", "false", "true");
        assertThat(column("doc -> 'b' ->> 1")).containsExactly("2", "NULL", "NULL");
        assertThat(column("jsonb_typeof(doc)")).containsExactly("object", "NULL", "array");
        assertThat(column("uid")).containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13");
        assertThat(column("created")).containsExactly("2024-01-02 03:04:05.123456", "2023-11-14 22:13:20",
                "2023-02-25 00:00:00");
        assertThat(column("day")).containsExactly("2024-02-29", "NULL", "2023-02-24");
        assertThat(column("price")).containsExactly("1.98", "12.50", "3.00");
        assertThat(column("ratio")).containsExactly("0.1", "-1.5e+300", "1e-07");
        assertThat(column("name")).containsExactly("tab\there", "x", "NULL");
        assertThat(column("encode(payload, 'hex')")).containsExactly("00ff10", "7465787420617320626c6f62", "NULL");
        assertThat(column("big")).containsExactly("9223372036854775807", "-9223372036854775808", "0");
        assertThat(column("note")).containsExactly("line\nbreak back\\slash é 😀", "", "NULL");
    }

    @Test
    void createsTheMappedColumnTypes() throws Exception {
        migrate();
        try (Connection target = database.connect()) {
            assertThat(strings(target, "select format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'public.everything'::regclass and attnum > 0 order by attnum"))
                    .containsExactly("bigint", "boolean", "jsonb", "uuid", "timestamp without time zone", "date",
                            "numeric(10,2)", "double precision", "character varying(20)", "bytea", "bigint", "text");
        }
    }

    @Test
    void rejectedValueStopsTheLoadNamingTableColumnKeyAndValue() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO everything (id, flag) VALUES (4, 'maybe')");
        }

        assertThatThrownBy(() -> migrate(OnError.STOP))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALUE_REJECTED))
                .hasMessageContaining("\"everything\".\"flag\"")
                .hasMessageContaining("id=4")
                .hasMessageContaining("'maybe'")
                .hasMessageContaining("NOT_A_BOOLEAN");
        try (Connection target = database.connect()) {
            assertThat(count(target, "select count(*) from public.everything")).isZero();
        }
    }

    @Test
    void castRulesChooseTimestamptzAndTheUnitOfNumbersWhateverTheTargetsTimeZone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE moments (id INTEGER PRIMARY KEY, at INTEGER, ms INTEGER)");
            s.executeUpdate("INSERT INTO moments VALUES (1, 0, 1000), (2, '2024-03-10 14:30:00+02:00', 1700000000123)");
        }
        MigrationOptions options = MigrationOptions.builder().tables(List.of("moments")).castRules(CastRules.parse(
                List.of("column moments.at to timestamptz", "column moments.ms to timestamp using epoch-ms"))).build();
        // pgjdbc gives each session the JVM's time zone; one far from UTC would shift values written without
        // an explicit offset by 13 hours.
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            new Migration(sqlite, target.dataSource(), options, MigrationListener.NONE).run();
        } finally {
            TimeZone.setDefault(jvmZone);
        }

        try (Connection target = database.connect()) {
            // Julian day 0 is noon UTC on 4714-11-24 BC (https://www.sqlite.org/lang_datefunc.html).
            assertThat(strings(target, "select (at at time zone 'UTC')::text from public.moments order by id"))
                    .containsExactly("4714-11-24 12:00:00 BC", "2024-03-10 12:30:00");
            assertThat(strings(target, "select ms::text from public.moments order by id"))
                    .containsExactly("1970-01-01 00:00:01", "2023-11-14 22:13:20.123");
            assertThat(strings(target, "select format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'public.moments'::regclass and attnum > 0 order by attnum"))
                    .containsExactly("bigint", "timestamp with time zone", "timestamp without time zone");
        }
    }

    @Test
    void neverWritesTheSource() throws Exception {
        byte[] before = Files.readAllBytes(sqlite);
        var modified = Files.getLastModifiedTime(sqlite);

        migrate();

        assertThat(Files.readAllBytes(sqlite)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(sqlite)).isEqualTo(modified);
    }
}
