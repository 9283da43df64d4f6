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
 * A checksum verification takes a keyed table's row counts from its chunks' digests and counts only the rows
 * no key range holds (NULL in a key column): the counts it reports are the tables' {@code count(*)}, on both
 * sides, also when the target has rows with a NULL key. And how many chunks it counts them in: large chunks are
 * merged from 10,000-row ones only as far as every worker keeps chunks to take.
 */
class VerifierCountsIT {

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("counts.db"));
        databases.source("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) "
                        + "INSERT INTO item SELECT i, 'item ' || i FROM n");
        databases.migrate(MigrationOptions.builder().build());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void reportsEachSidesCountFromTheChunks() throws Exception {
        databases.target("DELETE FROM item WHERE id IN (7, 1700)");

        TableVerification item = verify();

        assertThat(item.method()).isEqualTo(TableVerification.Method.CHUNKS);
        assertThat(item.chunksCompared()).isGreaterThan(1);
        assertThat(item.sourceRows()).isEqualTo(Long.parseLong(databases.sourceValue("SELECT count(*) FROM item")))
                .isEqualTo(2500);
        assertThat(item.targetRows()).isEqualTo(2498);
    }

    @Test
    void countsTargetRowsWithANullKeyAndSaysSo() throws Exception {
        databases.target("ALTER TABLE item DROP CONSTRAINT item_pkey",
                "ALTER TABLE item ALTER COLUMN id DROP IDENTITY IF EXISTS",
                "ALTER TABLE item ALTER COLUMN id DROP NOT NULL",
                "INSERT INTO item (id, name) VALUES (NULL, 'orphan'), (NULL, 'another')");

        TableVerification item = verify();

        assertThat(item.matches()).isFalse();
        assertThat(item.sourceRows()).isEqualTo(2500);
        assertThat(item.targetRows()).isEqualTo(2502);
        assertThat(item.notes()).containsExactly("2 target rows have NULL in the primary key and could not be "
                + "compared by key");
    }

    @Test
    void mergesLargeChunksOnlyAsFarAsTheWorkersAllow() throws Exception {
        databases.source("CREATE TABLE wide (id INTEGER PRIMARY KEY)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000) "
                        + "INSERT INTO wide SELECT i FROM n");
        MigrationOptions options = MigrationOptions.builder().tables(List.of("wide")).build();
        databases.migrate(options);

        // Planned at 10,000 rows: 8 chunks; merged two by two for one worker (4 chunks each), not for two.
        assertThat(wide(options, 1).chunksCompared()).isEqualTo(4);
        assertThat(wide(options, 2).chunksCompared()).isEqualTo(8);
        assertThat(wide(options, 1).sourceRows()).isEqualTo(80_000);
        assertThat(wide(options, 1).matches()).isTrue();
    }

    private TableVerification wide(MigrationOptions options, int workers) throws Exception {
        return databases.verify(new VerifyOptions(VerifyMode.CHECKSUM, 20, VerifyOptions.DEFAULT_CHUNK_ROWS, 64,
                workers), options).tables().getFirst();
    }

    private TableVerification verify() throws Exception {
        return databases.verify(new VerifyOptions(VerifyMode.CHECKSUM, 20, 1_000, 64, 2),
                MigrationOptions.builder().build()).tables().getFirst();
    }
}
