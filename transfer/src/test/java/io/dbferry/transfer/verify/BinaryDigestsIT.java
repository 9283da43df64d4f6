package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BinaryDigests} against a real PostgreSQL after a real migration: a source row encoded in the form the
 * target stores it hashes as PostgreSQL's own binary COPY tuple for every transformed type, including the
 * values whose stored form differs from what {@code migrate} sends (numeric scale, varchar and char lengths,
 * jsonb key order); a changed value makes the digests differ; and where a value has two binary forms that are
 * equal values, the verification still says equal.
 */
class BinaryDigestsIT {

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("binary.db"));
        databases.source("CREATE TABLE item (code TEXT PRIMARY KEY, n INTEGER, small SMALLINT, big BIGINT, "
                        + "price NUMERIC(10,2), amount NUMERIC, ratio REAL, flag BOOLEAN, created DATETIME, "
                        + "at TIMESTAMPTZ, day DATE, tod TIME, doc JSON, uid UUID, payload BLOB, name VARCHAR(3), "
                        + "tag CHAR(5), note TEXT)",
                "INSERT INTO item VALUES ('a''quote', 1, 2, 3000000000, 1.5, '12.50', 0.1, 'yes', "
                        + "'2024-01-02 03:04:05.123456', '2024-01-01 10:00:00+02:00', '2024-02-29', '12:30', "
                        + "'{\"bb\": [1, 2.50], \"a\": {\"z\": null, \"y\": true}}', "
                        + "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', x'00ff10', 'ab   ', 'ab', 'tab\there é 😀')",
                "INSERT INTO item VALUES ('back\\slash', -1, -32768, -1, 2.345, 1e3, -0.0, 0, 1700000000, "
                        + "1700000000, NULL, '23:59:59.999999', '[]', 'a0eebc999c0b4ef8bb6d6bb9bd380a12', "
                        + "'text as blob', 'xyz', 'abcde', '')",
                "INSERT INTO item VALUES ('é', NULL, NULL, NULL, -0.0, 0, -1.5e300, 't', 2460000.5, NULL, NULL, NULL, "
                        + "'{\"k\": 1.50}', NULL, NULL, '', 'a  ', NULL)",
                "INSERT INTO item (code) VALUES ('z')",
                "CREATE TABLE loose (amount NUMERIC, label TEXT)",
                "INSERT INTO loose VALUES (1.5, 'one'), (2, 'two')");
        databases.migrate(MigrationOptions.builder().build());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void aMigratedRowHashesAsPostgresqlWritesIt() throws Exception {
        BothSides.Both<ChunkDigest, ChunkDigest> all = databases.binaryDigests("item", KeyRange.ALL);

        assertThat(all.source().rows()).isEqualTo(4);
        assertThat(all.source()).isEqualTo(all.target());
        assertThat(databases.binaryDigests("loose", KeyRange.ALL).source())
                .isEqualTo(databases.binaryDigests("loose", KeyRange.ALL).target());
    }

    @Test
    void aKeyRangeWithQuotesAndBackslashesSelectsTheSameRowsOnBothSides() throws Exception {
        KeyRange range = new KeyRange(List.of("a'quote"), List.of("z"));

        BothSides.Both<ChunkDigest, ChunkDigest> digests = databases.binaryDigests("item", range);

        assertThat(digests.source().rows()).isEqualTo(2);
        assertThat(digests.target()).isEqualTo(digests.source());
    }

    @Test
    void aChangedValueChangesTheDigest() throws Exception {
        databases.target("UPDATE item SET created = created + interval '1 microsecond' WHERE code = 'z' OR code = 'é'");

        BothSides.Both<ChunkDigest, ChunkDigest> digests = databases.binaryDigests("item", KeyRange.ALL);

        assertThat(digests.target().rows()).isEqualTo(digests.source().rows());
        assertThat(digests.target()).isNotEqualTo(digests.source());
    }

    @Test
    void equalValuesWithAnotherBinaryFormAreStillEqual() throws Exception {
        // SQLite held 12.5 and 1.5 (NUMERIC affinity), which the target holds as migrate sent them
        databases.target("UPDATE item SET amount = 12.50 WHERE code = 'a''quote'",
                "UPDATE loose SET amount = 1.50 WHERE label = 'one'");
        assertThat(databases.binaryDigests("item", KeyRange.ALL).target())
                .as("numeric 12.5 and 12.50 differ in binary form").isNotEqualTo(
                        databases.binaryDigests("item", KeyRange.ALL).source());
        assertThat(databases.binaryDigests("loose", KeyRange.ALL).target())
                .isNotEqualTo(databases.binaryDigests("loose", KeyRange.ALL).source());

        VerificationReport report = databases.verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20),
                MigrationOptions.builder().build());

        assertThat(report.tables()).allSatisfy(table -> {
            assertThat(table.matches()).as("%s", table).isTrue();
            assertThat(table.chunksDiffering()).isZero();
        });
        assertThat(report.tables()).extracting(TableVerification::method)
                .containsExactlyInAnyOrder(TableVerification.Method.CHUNKS, TableVerification.Method.MULTISET);
    }
}
