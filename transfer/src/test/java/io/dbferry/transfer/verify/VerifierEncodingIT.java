package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier} on a UTF-16 SQLite database: SQLite sorts its text keys by their UTF-16 bytes, so 'ā'
 * (U+0101, bytes 01 01 in UTF-16le) comes before 'z' (7a 00), while PostgreSQL's {@code COLLATE "C"} puts it
 * after. Key ranges planned in SQLite's order would hold other rows in PostgreSQL and report differences that
 * are not there; such a table is compared as a multiset instead, and ASCII keys still by ranges. And text is
 * read as text, not as the UTF-16 bytes the driver's {@code getBytes} returns there.
 */
class VerifierEncodingIT {

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("utf16.db"));
        databases.source("PRAGMA encoding = 'UTF-16le'",
                "CREATE TABLE words (word TEXT PRIMARY KEY, n INTEGER)",
                "INSERT INTO words VALUES ('ā', 1), ('ɐ', 2), ('z', 3), ('y', 4)",
                "CREATE TABLE codes (code TEXT PRIMARY KEY, n INTEGER, label TEXT)",
                "INSERT INTO codes VALUES ('a', 1, 'héllo ā 😀'), ('b', 2, ''), ('c', 3, 'x'), ('d', 4, NULL), "
                        + "('e', 5, 'ɐ')");
        assertThat(databases.sourceValue("PRAGMA encoding")).isEqualTo("UTF-16le");
        databases.migrate(MigrationOptions.builder().build());
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void comparesNonAsciiTextKeysAsAMultisetAndFindsNoFalseDifference() throws Exception {
        TableVerification words = verify("words");

        assertThat(words.status()).isEqualTo(TableVerification.Status.EQUAL);
        assertThat(words.method()).isEqualTo(TableVerification.Method.MULTISET);
        assertThat(words.notes()).singleElement(InstanceOfAssertFactories.STRING)
                .contains("primary key column \"word\"").contains("UTF-16le");
    }

    @Test
    void keepsKeyRangesForAsciiKeysAndStillFindsAChange() throws Exception {
        assertThat(verify("codes").status()).as("non-ASCII and empty text read as text").isEqualTo(
                TableVerification.Status.EQUAL);
        databases.target("UPDATE codes SET n = 50 WHERE code = 'e'");

        TableVerification codes = verify("codes");

        assertThat(codes.method()).isEqualTo(TableVerification.Method.CHUNKS);
        assertThat(codes.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(codes.differences()).singleElement().extracting(RowDifference::keyText).isEqualTo("(code=e)");
    }

    /** Checksum verification of one table in chunks of 2 rows, so that the chunks' ranges matter. */
    private TableVerification verify(String table) throws Exception {
        return databases.verify(new VerifyOptions(VerifyMode.CHECKSUM, 20, 2, 64, 2),
                MigrationOptions.builder().tables(List.of(table)).build()).tables().getFirst();
    }
}
