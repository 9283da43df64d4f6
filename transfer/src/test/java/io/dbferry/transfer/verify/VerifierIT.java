package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier} against a real PostgreSQL after a real migration: equal data is equal whatever the type's
 * transform did, and each change a test makes on the target with SQL is found, with its key and column.
 */
class VerifierIT {

    private static final String EVERYTHING = """
            CREATE TABLE everything (
              id INTEGER PRIMARY KEY, n INTEGER, t TEXT, flag BOOLEAN, created DATETIME, day DATE, at TIME,
              doc JSON, uid UUID, ratio REAL, price NUMERIC(10,2), payload BLOB)""";

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("fixture.db"));
        source(EVERYTHING,
                "INSERT INTO everything VALUES (1, 42, 'tab\there é 😀', 1, '2024-01-02 03:04:05.123456', '2024-02-29',"
                        + " '12:30', '{\"b\": [1, 2], \"a\": null}', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 0.1,"
                        + " 1.98, x'00ff10')",
                "INSERT INTO everything VALUES (2, -7, '', 'no', 1700000000, '2023-02-24', '23:59:59.999999', '[]',"
                        + " 'a0eebc999c0b4ef8bb6d6bb9bd380a12', -0.0, '12.50', 'text as blob')",
                "INSERT INTO everything VALUES (3, 0, 'x', 't', 2460000.5, NULL, NULL, '{\"k\": 1.50}',"
                        + " x'a0eebc999c0b4ef8bb6d6bb9bd380a13', -1.5e300, -0.0, NULL)",
                "INSERT INTO everything (id) VALUES (4)");
        for (int id = 5; id <= 8; id++) {
            source("INSERT INTO everything SELECT " + id + ", n, t, flag, created, day, at, doc, uid, ratio, price, "
                    + "payload FROM everything WHERE id = 1");
        }
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    private void source(String... statements) throws Exception {
        databases.source(statements);
    }

    private void target(String... statements) throws Exception {
        databases.target(statements);
    }

    private void migrate(MigrationOptions options) throws Exception {
        databases.migrate(options);
    }

    private VerificationReport verify(VerifyOptions verifyOptions, MigrationOptions options) throws Exception {
        return databases.verify(verifyOptions, options);
    }

    private VerificationReport verify() throws Exception {
        return verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), MigrationOptions.builder().build());
    }

    @Test
    void findsEveryTransformedTypeEqualAfterAMigration() throws Exception {
        migrate(MigrationOptions.builder().build());

        VerificationReport report = verify();

        assertThat(report.matches()).as("%s", report).isTrue();
        assertThat(report.tables()).singleElement().satisfies(table -> {
            assertThat(table.method()).isEqualTo(TableVerification.Method.CHUNKS);
            assertThat(table.sourceRows()).isEqualTo(8);
            assertThat(table.targetRows()).isEqualTo(8);
            assertThat(table.chunksCompared()).isEqualTo(1);
            assertThat(table.differences()).isEmpty();
        });
    }

    @Test
    void findsEachChangedDeletedAndExtraRowWithItsKeyAndColumn() throws Exception {
        migrate(MigrationOptions.builder().build());
        target("UPDATE everything SET n = 43 WHERE id = 1",
                "UPDATE everything SET t = 'tab there' WHERE id = 2",
                "UPDATE everything SET flag = false WHERE id = 3",
                "UPDATE everything SET created = '2024-01-02 03:04:05.123457' WHERE id = 5",
                "UPDATE everything SET doc = '{\"a\": null, \"b\": [2, 1]}' WHERE id = 6",
                "UPDATE everything SET uid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a19' WHERE id = 7",
                "UPDATE everything SET ratio = 0.1000000001 WHERE id = 8",
                "DELETE FROM everything WHERE id = 4",
                "INSERT INTO everything (id, n) VALUES (100, 1)");

        VerificationReport report = verify();

        assertThat(report.matches()).isFalse();
        TableVerification table = report.tables().getFirst();
        assertThat(table.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(table.differences()).extracting(RowDifference::keyText, VerifierIT::kind, VerifierIT::columns)
                .containsExactly(
                        tuple("(id=1)", "changed", List.of("n: 42 → 43")),
                        tuple("(id=2)", "changed", List.of("t:  → tab there")),
                        tuple("(id=3)", "changed", List.of("flag: t → f")),
                        tuple("(id=4)", "missing", List.of()),
                        tuple("(id=5)", "changed",
                                List.of("created: 2024-01-02T03:04:05.123456 → 2024-01-02T03:04:05.123457")),
                        tuple("(id=6)", "changed",
                                List.of("doc: {\"a\": null, \"b\": [1, 2]} → {\"a\": null, \"b\": [2, 1]}")),
                        tuple("(id=7)", "changed", List.of("uid: a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 → "
                                + "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a19")),
                        tuple("(id=8)", "changed", List.of("ratio: 0.1 → 0.1000000001")),
                        tuple("(id=100)", "extra", List.of()));
        assertThat(table.moreDifferences()).isFalse();
    }

    @Test
    void keepsTheSignOfZeroOnlyWhereTheTargetTypeDoes() throws Exception {
        // Untyped columns keep -0.0 as SQLite REAL (a REAL-affinity column would store it as the integer 0).
        source("CREATE TABLE signs (id INTEGER PRIMARY KEY, d, n)", "INSERT INTO signs VALUES (1, -0.0, -0.0)");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("signs")).castRules(CastRules.parse(
                List.of("column signs.d to double precision", "column signs.n to numeric(10,2)"))).build();
        migrate(options);
        VerifyOptions checksum = VerifyOptions.of(VerifyMode.CHECKSUM, 20);

        assertThat(verify(checksum, options).matches()).isTrue();

        // float8 keeps the sign of zero, numeric has none (PostgreSQL docs §8.1).
        target("UPDATE signs SET d = 0, n = 0 WHERE id = 1");
        assertThat(verify(checksum, options).tables().getFirst().differences())
                .extracting(RowDifference::keyText, VerifierIT::columns)
                .containsExactly(tuple("(id=1)", List.of("d: -0.0 → 0.0")));
    }

    @Test
    void tellsNullFromEmptyValuesAndInfinitiesFromNaNAndIgnoresJsonKeyOrder() throws Exception {
        source("CREATE TABLE edges (id INTEGER PRIMARY KEY, t TEXT, b BLOB, d REAL, j JSON)",
                "INSERT INTO edges VALUES (1, '', x'', 9e999, '{\"bb\": 1, \"a\": [1.50, {}]}'),"
                        + " (2, NULL, NULL, -9e999, '{\"k\": \"\\u00e9\\n\"}'), (3, 'x', x'00', 1.5, NULL)");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("edges")).build();
        migrate(options);
        VerifyOptions checksum = VerifyOptions.of(VerifyMode.CHECKSUM, 20);

        assertThat(verify(checksum, options).matches()).as("after the migration").isTrue();

        target("UPDATE edges SET j = '{\"a\": [1.50, {}], \"bb\": 1}' WHERE id = 1",
                "UPDATE edges SET j = '{ \"k\" : \"é\\n\" }' WHERE id = 2");
        assertThat(verify(checksum, options).matches()).as("the same jsonb written otherwise").isTrue();

        target("UPDATE edges SET t = NULL, b = NULL WHERE id = 1",
                "UPDATE edges SET t = '', d = 'NaN' WHERE id = 2",
                "UPDATE edges SET j = '{\"a\": [1.5, {}], \"bb\": 1}' WHERE id = 3");
        assertThat(verify(checksum, options).tables().getFirst().differences())
                .extracting(RowDifference::keyText, VerifierIT::columns)
                .containsExactly(tuple("(id=1)", List.of("t:  → null", "b:  → null")),
                        tuple("(id=2)", List.of("t: null → ", "d: -Infinity → NaN")),
                        tuple("(id=3)", List.of("j: null → {\"a\": [1.5, {}], \"bb\": 1}")));
    }

    @Test
    void comparesAsAMultisetWhenAnIntegerKeyHoldsAnotherStorageClass() throws Exception {
        source("CREATE TABLE mixed (id INT PRIMARY KEY, v TEXT)", "INSERT INTO mixed VALUES (1, 'a'), (2, 'b')");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("mixed")).build();
        migrate(options);
        source("UPDATE mixed SET id = '2x' WHERE id = 2");

        TableVerification mixed = verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), options).tables().getFirst();

        assertThat(mixed.method()).isEqualTo(TableVerification.Method.MULTISET);
        assertThat(mixed.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(mixed.notes()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("primary key column \"id\" holds TEXT 2x");
    }

    @Test
    void findsOneChangedRowAmongTenThousandWithoutFalseDifferences() throws Exception {
        source("CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT, amount REAL)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                        + "INSERT INTO big SELECT i * 3, 'row ' || i, i / 7.0 FROM n");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("big")).build();
        migrate(options);
        target("UPDATE big SET label = 'changed' WHERE id = 21003");

        for (int chunkRows : List.of(10_000, 1_000)) {
            VerificationReport report = verify(new VerifyOptions(VerifyMode.CHECKSUM, 20, chunkRows, 64, 2), options);

            TableVerification big = report.tables().getFirst();
            assertThat(big.chunksCompared()).isEqualTo(10_000 / chunkRows);
            assertThat(big.chunksDiffering()).isEqualTo(1);
            assertThat(big.differences()).extracting(RowDifference::keyText, VerifierIT::columns)
                    .containsExactly(tuple("(id=21003)", List.of("label: row 7001 → changed")));
        }
    }

    @Test
    void rangesTextKeysInByteOrderWhateverTheTargetColumnsCollation() throws Exception {
        source("CREATE TABLE words (w TEXT PRIMARY KEY COLLATE NOCASE, n INTEGER)",
                "INSERT INTO words VALUES ('a', 1), ('B', 2), ('Z', 4), ('é', 5), ('😀', 6), ('\uFF21', 7),"
                        + " ('a b', 8), ('ab', 9), ('', 10)");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("words")).build();
        migrate(options);
        // A linguistic collation sorts 'a', 'B', 'b' and 'Z' otherwise than bytes do; chunks of 2 rows would then
        // select different rows on each side unless both compare in byte order.
        target("ALTER TABLE words ALTER COLUMN w TYPE text COLLATE \"und-x-icu\"");
        VerifyOptions twoRowChunks = new VerifyOptions(VerifyMode.CHECKSUM, 20, 2, 1, 2);

        assertThat(verify(twoRowChunks, options).matches()).isTrue();

        target("UPDATE words SET n = 0 WHERE w = 'Z'");
        assertThat(verify(twoRowChunks, options).tables().getFirst().differences())
                .extracting(RowDifference::keyText, VerifierIT::columns)
                .containsExactly(tuple("(w=Z)", List.of("n: 4 → 0")));
    }

    @Test
    void comparesATableWithoutPrimaryKeyAsAMultisetWithoutRowDifferences() throws Exception {
        source("CREATE TABLE log (at TEXT, message TEXT)",
                "INSERT INTO log VALUES ('1', 'x'), ('1', 'x'), ('2', 'y')");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("log")).build();
        migrate(options);

        assertThat(verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), options).matches()).isTrue();

        // Same row count, one duplicate swapped for another row: only the content can tell.
        target("DELETE FROM log WHERE ctid = (SELECT min(ctid) FROM log WHERE at = '1')",
                "INSERT INTO log VALUES ('2', 'y')");
        TableVerification log = verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), options).tables().getFirst();
        assertThat(log.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(log.method()).isEqualTo(TableVerification.Method.MULTISET);
        assertThat(log.targetRows()).isEqualTo(log.sourceRows()).isEqualTo(3);
        assertThat(log.differences()).isEmpty();
        assertThat(log.moreDifferences()).isTrue();
        assertThat(log.notes()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("no primary key").contains("no row-level diff is possible");
    }

    @Test
    void reportsASourceValueTheTargetCannotHoldAsADifference() throws Exception {
        migrate(MigrationOptions.builder().build());
        source("UPDATE everything SET flag = 'maybe' WHERE id = 2");

        TableVerification table = verify().tables().getFirst();

        assertThat(table.differences()).singleElement().isInstanceOfSatisfying(RowDifference.Changed.class, c -> {
            assertThat(c.key()).isEqualTo(Map.of("id", "2"));
            assertThat(c.columns()).singleElement().satisfies(column -> {
                assertThat(column.column()).isEqualTo("flag");
                assertThat(column.sourceValue()).startsWith("(cannot be stored in the target: ").contains("maybe");
                assertThat(column.targetValue()).isEqualTo("f");
            });
        });
    }

    @Test
    void countsModeComparesRowCountsOnlyAndAMissingTableDiffers() throws Exception {
        migrate(MigrationOptions.builder().build());
        target("UPDATE everything SET n = 0");
        VerifyOptions counts = VerifyOptions.of(VerifyMode.COUNTS, 20);

        assertThat(verify(counts, MigrationOptions.builder().build()).matches()).isTrue();

        target("DROP TABLE everything");
        TableVerification table = verify(counts, MigrationOptions.builder().build()).tables().getFirst();
        assertThat(table.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(table.notes()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("the target has no table \"public\".\"everything\"");
    }

    private static String kind(RowDifference difference) {
        return switch (difference) {
            case RowDifference.MissingInTarget m -> "missing";
            case RowDifference.ExtraInTarget e -> "extra";
            case RowDifference.Changed c -> "changed";
        };
    }

    private static List<String> columns(RowDifference difference) {
        return difference instanceof RowDifference.Changed c ? c.columns().stream()
                .map(col -> col.column() + ": " + col.sourceValue() + " → " + col.targetValue()).toList() : List.of();
    }
}
