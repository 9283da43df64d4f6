package io.dbferry.transfer.pgcopy;

import static io.dbferry.transfer.pgcopy.PostgresSamples.columnDefinitions;
import static io.dbferry.transfer.pgcopy.PostgresSamples.execute;
import static io.dbferry.transfer.pgcopy.PostgresSamples.rows;
import static io.dbferry.transfer.pgcopy.PostgresSamples.strings;
import static io.dbferry.transfer.pgcopy.PostgresSamples.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.VerifyMode;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixture with every common PostgreSQL type, extreme values and NULLs, in schema {@code app} with its own enum
 * and domain, copied to a fresh database: values, types and sequences must come out exactly as they went in.
 */
class PostgresCopyTypesIT {

    private static TestDatabase source;
    private static Connection sourceConnection;

    @BeforeAll
    static void createFixture() throws Exception {
        source = TestPostgres.freshDatabase();
        sourceConnection = source.connect();
        execute(sourceConnection,
                "CREATE SCHEMA app",
                "CREATE TYPE app.mood AS ENUM ('sad', 'it''s ok', 'happy')",
                "CREATE DOMAIN app.positive AS numeric(12,2) CHECK (VALUE > 0)",
                "CREATE SEQUENCE app.order_number AS integer START WITH 1000 INCREMENT BY 5 MINVALUE 1000",
                "CREATE TABLE app.everything (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, legacy serial, "
                        + "n30 numeric(40,10), nfree numeric, d double precision, r real, ts timestamp, "
                        + "ts0 timestamp(0), tstz timestamptz, dt date, tm time, iv interval, j jsonb, js json, "
                        + "u uuid, ints integer[], texts text[], moods app.mood[], m app.mood DEFAULT 'it''s ok', "
                        + "b bytea, flag boolean, vc varchar(20), ch char(3), price app.positive, "
                        + "doubled numeric GENERATED ALWAYS AS (n30 * 2) STORED, note text DEFAULT 'none' NOT NULL, "
                        + "ordno integer DEFAULT nextval('app.order_number'), code text COLLATE \"C\", CHECK (vc <> ''))",
                "CREATE INDEX everything_j ON app.everything USING gin (j)",
                "CREATE UNIQUE INDEX everything_u ON app.everything (u) WHERE u IS NOT NULL",
                "CREATE TABLE app.child (id integer PRIMARY KEY, everything_id bigint "
                        + "REFERENCES app.everything ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED)",
                "INSERT INTO app.everything (n30, nfree, d, r, ts, ts0, tstz, dt, tm, iv, j, js, u, ints, texts, "
                        + "moods, m, b, flag, vc, ch, price) VALUES ("
                        + "123456789012345678901234567890.0123456789, 'NaN', 'NaN', '-Infinity', "
                        + "'0001-01-01 00:00:00', '9999-12-31 23:59:59', '0001-01-01 00:00:00+00', 'infinity', "
                        + "'23:59:59.999999', '1 year 2 mons 3 days 04:05:06.789', "
                        + "'{\"a\": [1, 2.50, \"x\"], \"b\": null}', '{\"b\":1,  \"a\":2}', "
                        + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,NULL,3}', '{\"a,b\",\"c\\\"d\",NULL}', "
                        + "'{sad,happy}', 'happy', '\\x00ff10', true, 'héllo ✓', 'ab', 9.99)",
                "INSERT INTO app.everything (n30, nfree, d, r, ts, ts0, tstz, dt, iv, ints, moods, b, flag, price) "
                        + "VALUES (-0.0000000001, '-0.000000000000000000000000000001', 'Infinity', 'NaN', 'infinity', "
                        + "'-infinity', '9999-12-31 23:59:59.999999+00', '-infinity', '-178000000 years', '{}', '{}', "
                        + "'\\x', false, 0.01)",
                "INSERT INTO app.everything (nfree, note) VALUES ('Infinity', '')",
                "INSERT INTO app.everything (id, note) OVERRIDING SYSTEM VALUE VALUES (100, 'explicit id')",
                "INSERT INTO app.child VALUES (1, 1), (2, 100), (3, NULL)");
    }

    @AfterAll
    static void dropSource() throws Exception {
        sourceConnection.close();
        source.close();
    }

    @Test
    void everyCommonTypeRoundTripsExactly() throws Exception {
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            MigrationResult result = copy(IfExists.FAIL, target);

            assertThat(result.tables()).extracting(t -> t.target().toString(), t -> t.rowsRead(), t -> t.rowsWritten())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("\"app\".\"child\"", 3L, 3L),
                            org.assertj.core.groups.Tuple.tuple("\"app\".\"everything\"", 4L, 4L));
            assertThat(rows(targetConnection, "app", "everything")).isEqualTo(rows(sourceConnection, "app", "everything"))
                    .hasSize(4);
            assertThat(rows(targetConnection, "app", "child")).isEqualTo(rows(sourceConnection, "app", "child"));
            assertThat(columnDefinitions(targetConnection, "app")).isEqualTo(columnDefinitions(sourceConnection, "app"))
                    .contains("everything.n30 numeric(40,10) notnull=false identity= generated= default=",
                            "everything.ts0 timestamp(0) without time zone notnull=false identity= generated= default=",
                            "everything.id bigint notnull=true identity=a generated= default=",
                            "everything.moods app.mood[] notnull=false identity= generated= default=",
                            "everything.doubled numeric notnull=false identity= generated=s default=(n30 * (2)::numeric)");
            assertThat(PostgresSamples.keyDefinitions(targetConnection, "app"))
                    .isEqualTo(PostgresSamples.keyDefinitions(sourceConnection, "app"))
                    .contains("everything_j CREATE INDEX everything_j ON everything USING gin (j)");
            assertThat(value(targetConnection, "SELECT collname FROM pg_attribute a JOIN pg_collation c "
                    + "ON c.oid = a.attcollation WHERE attrelid = 'app.everything'::regclass AND attname = 'code'"))
                    .isEqualTo("C");
            assertThat(strings(targetConnection, "SELECT enumlabel FROM pg_enum WHERE enumtypid = 'app.mood'::regtype "
                    + "ORDER BY enumsortorder")).containsExactly("sad", "it's ok", "happy");
            assertThat(value(targetConnection, "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE contypid = 'app.positive'::regtype")).isEqualTo("CHECK ((VALUE > (0)::numeric))");
            assertThat(result.verification().matches()).isTrue();
        }
    }

    @Test
    void identityAndSerialSequencesContinueAfterTheLargestIdInTheTarget() throws Exception {
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            copy(IfExists.FAIL, target);

            // The source handed out ids 1..3, legacy 1..4 and order numbers 1000..1015; id 100 was given explicitly.
            assertThat(strings(targetConnection, "INSERT INTO app.everything (note) VALUES ('new') "
                    + "RETURNING id || '/' || legacy || '/' || ordno")).containsExactly("101/5/1020");
        }
    }

    @Test
    void refusesExistingTablesUnlessToldToTruncateOrDropThem() throws Exception {
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            copy(IfExists.FAIL, target);
            execute(targetConnection, "DELETE FROM app.child WHERE id = 3");

            assertThatThrownBy(() -> copy(IfExists.FAIL, target)).isInstanceOf(DbferryException.class)
                    .hasMessageContaining("target schema \"app\" already has [child, everything]")
                    .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.TARGET_TABLE_EXISTS);
            assertThat(value(targetConnection, "SELECT count(*) FROM app.child")).isEqualTo("2");

            MigrationResult truncated = copy(IfExists.TRUNCATE, target);
            assertThat(truncated.rowsWritten()).isEqualTo(7);
            assertThat(rows(targetConnection, "app", "child")).isEqualTo(rows(sourceConnection, "app", "child"));

            MigrationResult dropped = copy(IfExists.DROP, target);
            assertThat(dropped.rowsWritten()).isEqualTo(7);
            assertThat(rows(targetConnection, "app", "everything")).isEqualTo(rows(sourceConnection, "app", "everything"));
        }
    }

    @Test
    void refusesATypeTheTargetLacksNamingTableAndColumn() throws Exception {
        execute(sourceConnection, "CREATE TYPE public.pair AS (a integer, b text)", "CREATE SCHEMA other",
                "CREATE TABLE other.pairs (id integer PRIMARY KEY, p public.pair)");
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            assertThatThrownBy(() -> new PostgresCopyMigration(PostgresCopyOptions.builder().sourceSchema("other")
                    .build(), MigrationListener.NONE).run(source.url(), target.url()))
                    .isInstanceOf(DbferryException.class)
                    .hasMessageContaining("column \"p\" of \"other\".\"pairs\" has type public.pair (composite")
                    .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.INCOMPATIBLE_TARGET);
            assertThat(value(targetConnection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'other'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void copiesAnInheritingTableAndItsParentWithoutDuplicatesAndRefusesPartitionedTables() throws Exception {
        execute(sourceConnection, "CREATE SCHEMA family",
                "CREATE TABLE family.parent (id integer PRIMARY KEY, name text)",
                "CREATE TABLE family.child (extra text) INHERITS (family.parent)",
                "INSERT INTO family.parent VALUES (1, 'parent row')",
                "INSERT INTO family.child VALUES (2, 'child row', 'x')",
                "CREATE SCHEMA parts", "CREATE TABLE parts.measure (at date NOT NULL, v integer) PARTITION BY RANGE (at)",
                "CREATE TABLE parts.measure_2026 PARTITION OF parts.measure FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        try (TestDatabase target = TestPostgres.freshDatabase(); Connection targetConnection = target.connect()) {
            MigrationResult result = new PostgresCopyMigration(PostgresCopyOptions.builder().sourceSchema("family")
                    .build(), MigrationListener.NONE).run(source.url(), target.url());

            assertThat(result.rowsWritten()).isEqualTo(2);
            assertThat(strings(targetConnection, "SELECT id || ' ' || name FROM ONLY family.parent"))
                    .containsExactly("1 parent row");
            assertThat(strings(targetConnection, "SELECT id || ' ' || name FROM family.child"))
                    .containsExactly("2 child row");
            assertThatThrownBy(() -> new PostgresCopyMigration(PostgresCopyOptions.builder().sourceSchema("parts")
                    .build(), MigrationListener.NONE).run(source.url(), target.url()))
                    .isInstanceOf(DbferryException.class)
                    .hasMessageContaining("is partitioned or a partition")
                    .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION);
        }
    }

    @Test
    void refusesToCopyASchemaOntoItself() {
        assertThatThrownBy(() -> new PostgresCopyMigration(PostgresCopyOptions.builder().sourceSchema("app").build(),
                MigrationListener.NONE).run(source.url(), source.url()))
                .isInstanceOf(DbferryException.class)
                .hasMessageContaining("source and target are schema \"app\" of the same database")
                .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION);
    }

    private static MigrationResult copy(IfExists ifExists, TestDatabase target) {
        return new PostgresCopyMigration(PostgresCopyOptions.builder().sourceSchema("app").ifExists(ifExists)
                .verify(VerifyMode.CHECKSUM).build(), MigrationListener.NONE).run(source.url(), target.url());
    }
}
