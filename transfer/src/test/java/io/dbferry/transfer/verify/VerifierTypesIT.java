package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier} on the types {@link VerifierIT}'s fixture leaves out, read back from a real PostgreSQL:
 * {@code smallint}, {@code varchar(n)}, {@code char(n)} (which PostgreSQL pads with spaces), {@code timestamptz}
 * and JSON stored in SQLite's binary JSONB. Equal after the migration; each changed value found, in its column.
 */
class VerifierTypesIT {

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("types.db"));
        databases.source("CREATE TABLE more (id INTEGER PRIMARY KEY, small SMALLINT, name VARCHAR(10), "
                        + "code CHAR(5), at TIMESTAMPTZ, doc JSON)",
                "INSERT INTO more VALUES (1, 7, 'xy', 'ab', '2024-01-01 10:00:00+02:00', "
                        + "jsonb('{\"b\": 1, \"a\": [1, 2.50]}'))",
                "INSERT INTO more VALUES (2, -32768, '', 'abcde', 1700000000, '{\"x\":null}')",
                "INSERT INTO more VALUES (3, 0, 'é', 'a  ', '2024-06-01 00:00:00.123456', jsonb('[]'))",
                "INSERT INTO more (id) VALUES (4)");
        databases.migrate(MigrationOptions.builder().build());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void equalAfterTheMigrationThenFindsEachChangedValue() throws Exception {
        assertThat(verify().differing()).as("equal after the migration").isEmpty();

        databases.target("UPDATE more SET small = 8, code = 'ac' WHERE id = 1",
                "UPDATE more SET at = at + interval '1 microsecond', name = 'z' WHERE id = 2",
                "UPDATE more SET doc = '[0]' WHERE id = 3");

        TableVerification more = verify().tables().getFirst();
        assertThat(more.differences()).extracting(RowDifference::keyText, d -> ((RowDifference.Changed) d).columns()
                .stream().map(RowDifference.ColumnChange::column).toList())
                .containsExactly(tuple("(id=1)", List.of("small", "code")), tuple("(id=2)", List.of("name", "at")),
                        tuple("(id=3)", List.of("doc")));
    }

    private VerificationReport verify() throws Exception {
        return databases.verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), MigrationOptions.builder().build());
    }
}
