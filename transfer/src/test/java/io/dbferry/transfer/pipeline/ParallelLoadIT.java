package io.dbferry.transfer.pipeline;

import static io.dbferry.transfer.pipeline.ChinookMigrationIT.count;
import static io.dbferry.transfer.pipeline.ChinookMigrationIT.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

/**
 * The chunked, parallel load against a real PostgreSQL: every row exactly once whatever the keys, the
 * same target with 4 workers as with 1, keys after the data, one failure reported once with no worker
 * thread left behind.
 */
class ParallelLoadIT {

    private static final List<String> TABLES = List.of("gaps", "big", "kv", "pairs", "child", "empty", "one");

    @TempDir
    Path dir;
    private Path sqlite;
    private final List<TestDatabase> databases = new ArrayList<>();

    @BeforeEach
    void buildSource() throws Exception {
        sqlite = dir.resolve("source.db");
        execute("""
                CREATE TABLE gaps (id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO gaps VALUES (1, 'a'), (2, 'b'), (1000000, 'c'), (5000000, 'd'), (-3, 'e');
                CREATE TABLE big (id INTEGER PRIMARY KEY, flag BOOLEAN, price NUMERIC(10,2), ratio REAL,
                  name VARCHAR(20) NOT NULL, doc JSON, uid UUID, created DATETIME, payload BLOB, code TEXT UNIQUE);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO big SELECT i, i % 2, i * 1.25, i / 7.0, 'name ' || i, '{"i": ' || i || '}',
                  printf('%08x-0000-4000-8000-%012x', i, i), datetime(1700000000 + i * 3600, 'unixepoch'),
                  CASE WHEN i % 3 = 0 THEN NULL ELSE randomblob(8) END, 'code-' || i FROM n;
                CREATE INDEX big_name ON big (name);
                CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 700)
                INSERT INTO kv SELECT printf('key-%c-%d', 65 + i % 26, i), i FROM n;
                CREATE TABLE pairs (a INTEGER, b TEXT, v REAL, PRIMARY KEY (b, a)) WITHOUT ROWID;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 900)
                INSERT INTO pairs SELECT i % 11, 'b' || (i % 97), i FROM n WHERE true ON CONFLICT DO NOTHING;
                CREATE TABLE child (id INTEGER PRIMARY KEY, big_id INTEGER REFERENCES big (id));
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                INSERT INTO child SELECT i, (i * 7) % 5000 + 1 FROM n;
                CREATE TABLE empty (id INTEGER PRIMARY KEY, v TEXT);
                CREATE TABLE one (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
                INSERT INTO one VALUES ('only', 'row');
                """);
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::close);
    }

    private void execute(String script) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    s.executeUpdate(sql);
                }
            }
        }
    }

    private TestDatabase database() {
        TestDatabase database = TestPostgres.freshDatabase();
        databases.add(database);
        return database;
    }

    private MigrationResult migrate(TestDatabase database, MigrationOptions options, MeterRegistry registry) {
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            return new Migration(sqlite, target.dataSource(), options, MigrationListener.NONE, registry).run();
        }
    }

    /** Every table's rows as PostgreSQL prints them, sorted: a value-by-value picture of the target. */
    private static List<String> contents(TestDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection target = database.connect()) {
            for (String table : TABLES) {
                rows.add("table " + table);
                rows.addAll(strings(target, "select t::text from public.\"" + table + "\" t order by 1"));
            }
        }
        return rows;
    }

    private static List<String> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.matches("dbferry-(reader|writer|keys)-\\d+")).toList();
    }

    @Test
    void everyRowArrivesExactlyOnceInManySmallChunks() throws Exception {
        TestDatabase database = database();

        MigrationResult result = migrate(database, MigrationOptions.builder().workers(4).batchRows(7).build(),
                new SimpleMeterRegistry());

        assertThat(result.verification().tables()).hasSize(7);
        assertThat(result.verification().matches()).isTrue();
        try (Connection target = database.connect()) {
            assertThat(strings(target, "select id::text from public.gaps order by gaps.id"))
                    .containsExactly("-3", "1", "2", "1000000", "5000000");
            assertThat(count(target, "select count(distinct id) from public.big")).isEqualTo(5000);
            assertThat(count(target, "select count(*) from public.big")).isEqualTo(5000);
            assertThat(count(target, "select count(distinct k) from public.kv")).isEqualTo(700);
            assertThat(count(target, "select count(*) from public.pairs"))
                    .isEqualTo(count(target, "select count(distinct (a, b)) from public.pairs")).isEqualTo(900);
            assertThat(count(target, "select count(*) from public.empty")).isZero();
            assertThat(strings(target, "select k || '=' || v from public.one")).containsExactly("only=row");
        }
        assertThat(workerThreads()).isEmpty();
    }

    @Test
    void fourWorkersInSmallChunksProduceTheSameTargetAsOneWorker() throws Exception {
        TestDatabase serial = database();
        TestDatabase parallel = database();

        migrate(serial, MigrationOptions.builder().workers(1).build(), new SimpleMeterRegistry());
        migrate(parallel, MigrationOptions.builder().workers(4).batchRows(113).build(), new SimpleMeterRegistry());

        List<String> expected = contents(serial);
        assertThat(expected).hasSizeGreaterThan(5000 + 3000 + 700 + 900);
        assertThat(contents(parallel)).containsExactlyElementsOf(expected);
    }

    @Test
    void keysUniqueConstraintsIndexesAndForeignKeysArePresentAfterTheLoad() throws Exception {
        TestDatabase database = database();

        migrate(database, MigrationOptions.builder().workers(3).batchRows(500).build(), new SimpleMeterRegistry());

        try (Connection target = database.connect()) {
            assertThat(strings(target, "select conrelid::regclass || ' ' || contype::text from pg_constraint "
                    + "where connamespace = 'public'::regnamespace order by 1")).containsExactly(
                    "big p", "big u", "child f", "child p", "empty p", "gaps p", "kv p", "one p", "pairs p");
            assertThat(strings(target, "select indexname from pg_indexes where tablename = 'big' order by 1"))
                    .contains("big_name");
            assertThat(strings(target, "select pg_get_constraintdef(oid) from pg_constraint "
                    + "where conrelid = 'public.pairs'::regclass")).containsExactly("PRIMARY KEY (b, a)");
            assertThat(count(target, "select nextval(pg_get_serial_sequence('public.big', 'id'))")).isEqualTo(5001);
        }
    }

    @Test
    void rejectInTheMiddleOfAMultiChunkTableFailsWithTheSameMessageAndNoThreadLeft() throws Exception {
        execute("UPDATE big SET flag = 'maybe' WHERE id = 2500;");
        TestDatabase database = database();

        assertThatThrownBy(() -> migrate(database, MigrationOptions.builder().workers(2).batchRows(100)
                .onError(OnError.STOP).build(), new SimpleMeterRegistry()))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALUE_REJECTED))
                .hasMessageStartingWith("cannot load \"big\".\"flag\" (BOOLEAN → boolean) at primary key (id=2500): "
                        + "'maybe' is not a boolean")
                .hasMessageContaining("[NOT_A_BOOLEAN]. Fix the value in the source, change the column's type with "
                        + "--cast \"column big.flag to text\", leave the table out with --exclude, or write such "
                        + "rows to a reject file with --on-error reject.");
        assertThat(workerThreads()).isEmpty();
        try (Connection target = database.connect()) {
            assertThat(count(target, "select count(*) from public.big where id between 2401 and 2500")).isZero();
        }
    }

    @Test
    void writerFailureRollsBackItsChunkKeepsCommittedOnesAndSaysSo() throws Exception {
        TestDatabase database = database();
        try (Connection target = database.connect(); Statement s = target.createStatement()) {
            s.execute("create table public.big (id bigint primary key, flag boolean, price numeric(10,2), "
                    + "ratio double precision, name varchar(20) not null, doc jsonb, uid uuid, created timestamp, "
                    + "payload bytea, code text, check (id <> 2450))");
        }

        assertThatThrownBy(() -> migrate(database, MigrationOptions.builder().tables(List.of("big")).workers(1)
                .batchRows(100).ifExists(IfExists.TRUNCATE).onError(OnError.STOP).build(), new SimpleMeterRegistry()))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LOAD_FAILED))
                .hasMessageContaining("failed writing chunk 25 of 50 of \"main\".\"big\" (rowid 2401..2500) to "
                        + "\"public\".\"big\" on the target")
                .hasMessageContaining("big_id_check")
                .hasMessageContaining("The target keeps the 2400 rows of the 24 chunks committed before the failure")
                .hasMessageContaining("--if-exists drop");
        assertThat(workerThreads()).isEmpty();
        try (Connection target = database.connect()) {
            assertThat(count(target, "select count(*) from public.big")).isEqualTo(2400);
            assertThat(count(target, "select max(id) from public.big")).isEqualTo(2400);
        }
    }

    @Test
    void metricsCountRowsBytesAndChunksPerTable() {
        MeterRegistry registry = new SimpleMeterRegistry();

        migrate(database(), MigrationOptions.builder().workers(2).batchRows(1000).build(), registry);

        assertThat(registry.get("dbferry.rows.read").tag("table", "big").counter().count()).isEqualTo(5000);
        assertThat(registry.get("dbferry.rows.written").tag("table", "big").counter().count()).isEqualTo(5000);
        assertThat(registry.get("dbferry.rows.written").tag("table", "empty").counter().count()).isZero();
        assertThat(registry.get("dbferry.rows.rejected").tag("table", "big").counter().count()).isZero();
        assertThat(registry.get("dbferry.bytes.written").tag("table", "big").counter().count()).isGreaterThan(5000 * 50);
        assertThat(registry.get("dbferry.chunk.duration").tag("table", "big").timer().count()).isEqualTo(5);
        assertThat(registry.get("dbferry.queue.depth").gauge().value()).isZero();
    }
}
