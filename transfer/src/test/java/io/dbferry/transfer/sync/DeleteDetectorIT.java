package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --deletes detect} refuses the keys it cannot compare in the same order on both sides, before it deletes
 * anything: SQLite values of another storage class than the key's type, {@code char(n)} keys (padded in
 * PostgreSQL), and text keys of a UTF-16 source. Each of these, merged anyway, would delete rows the source
 * still has.
 */
class DeleteDetectorIT {

    @TempDir
    Path dir;
    private SyncTestDatabases databases;

    @BeforeEach
    void setUp() {
        databases = new SyncTestDatabases(dir);
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void refusesATextKeyHoldingIntegersWhichSqliteSortsBeforeTextAndNumerically() throws Exception {
        // An untyped key column maps to text; SQLite keeps 9 and 10 as integers and sorts them 9, 10, 'a', while
        // PostgreSQL sorts the text '10', '9', 'a'.
        databases.source("CREATE TABLE codes (code PRIMARY KEY, label TEXT, updated_at DATETIME)",
                "INSERT INTO codes VALUES (9, 'nine', '2024-01-01'), (10, 'ten', '2024-01-01'), "
                        + "('a', 'letter', '2024-01-01'), ('b', 'letter', '2024-01-01')");
        databases.sync(detect("codes"));
        databases.source("DELETE FROM codes WHERE code = 'b'");

        assertRefused("codes")
                .hasMessageContaining("\"codes\" stored as text")
                .hasMessageContaining("column \"code\" holds integer")
                .hasMessageContaining("nothing was deleted");
        assertThat(databases.targetValue("SELECT string_agg(code, ',' ORDER BY code COLLATE \"C\") FROM codes"))
                .isEqualTo("10,9,a,b");
    }

    @Test
    void refusesATextKeyHoldingABlobWhichSqliteSortsAfterAllTextEvenPastTheTargetsLastKey() throws Exception {
        // SQLite: 'a', 'b', 'z', then the BLOB x'63'; the target holds its text 'c' between 'b' and 'z'. The merge
        // passes 'c' before it reaches the BLOB, so only reading on to the end of the source finds it.
        databases.source("CREATE TABLE codes (code TEXT PRIMARY KEY, updated_at DATETIME)",
                "INSERT INTO codes VALUES ('a', '2024-01-01'), ('b', '2024-01-01'), ('z', '2024-01-01'), "
                        + "(x'63', '2024-01-01')");
        databases.sync(detect("codes"));
        assertThat(databases.targetValue("SELECT string_agg(code, ',' ORDER BY code COLLATE \"C\") FROM codes"))
                .isEqualTo("a,b,c,z");

        assertRefused("codes")
                .hasMessageContaining("column \"code\" holds blob");
        assertThat(databases.targetValue("SELECT count(*)::text FROM codes")).isEqualTo("4");
    }

    @Test
    void refusesACharKeyWhoseTargetValuesArePadded() throws Exception {
        databases.source("CREATE TABLE countries (code CHAR(3) PRIMARY KEY, name TEXT, updated_at DATETIME)",
                "INSERT INTO countries VALUES ('DE', 'Germany', '2024-01-01'), ('FR', 'France', '2024-01-01'), "
                        + "('USA', 'United States', '2024-01-01')");
        databases.sync(detect("countries"));
        databases.source("DELETE FROM countries WHERE code = 'USA'");

        assertRefused("countries")
                .hasMessageContaining("integer, text or varchar columns only")
                .hasMessageContaining("char column");
        assertThat(databases.targetValue("SELECT count(*)::text FROM countries")).isEqualTo("3");
    }

    @Test
    void refusesTextKeysOfAUtf16SourceWhoseBinaryCollationIsNotCodePointOrder() throws Exception {
        databases.source("PRAGMA encoding = 'UTF-16le'",
                "CREATE TABLE words (word TEXT PRIMARY KEY, updated_at DATETIME)",
                "INSERT INTO words VALUES ('ā', '2024-01-01'), ('ɐ', '2024-01-01'), ('z', '2024-01-01')");
        assertThat(databases.sourceValue("PRAGMA encoding")).isEqualTo("UTF-16le");
        databases.sync(detect("words"));
        databases.source("DELETE FROM words WHERE word = 'z'");

        assertRefused("words")
                .hasMessageContaining("encoded in UTF-16le")
                .hasMessageContaining("nothing was deleted");
        assertThat(databases.targetValue("SELECT count(*)::text FROM words")).isEqualTo("3");
    }

    @Test
    void stillDeletesWhenEveryKeyValueIsStoredAsItsTypeSays() throws Exception {
        databases.source("CREATE TABLE codes (code TEXT PRIMARY KEY, label TEXT, updated_at DATETIME)",
                "INSERT INTO codes VALUES ('9', 'nine', '2024-01-01'), ('10', 'ten', '2024-01-01'), "
                        + "('a', 'letter', '2024-01-01'), ('b', 'letter', '2024-01-01')");
        databases.sync(detect("codes"));
        databases.source("DELETE FROM codes WHERE code = '9'");

        assertThat(databases.sync(detect("codes")).tables().getFirst().rowsDeleted()).isEqualTo(1);
        assertThat(databases.targetValue("SELECT string_agg(code, ',' ORDER BY code COLLATE \"C\") FROM codes"))
                .isEqualTo("10,a,b");
    }

    @Test
    void deletesMoreKeysThanOneStatementTakesWhileBothKeyStreamsAreOpen() throws Exception {
        databases.source("CREATE TABLE events (id INTEGER PRIMARY KEY, updated_at DATETIME)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                        + "INSERT INTO events SELECT i, '2024-01-01' FROM n");
        databases.sync(detect("events"));
        // Every other row: 1,500 keys, two full DELETE statements of 1,000 keys and one of 500 — interleaved
        // with keys both sides still have.
        databases.source("DELETE FROM events WHERE id % 2 = 0");

        assertThat(databases.sync(detect("events")).tables().getFirst().rowsDeleted()).isEqualTo(1_500);
        assertThat(databases.targetValue("SELECT count(*) || ' ' || sum(id % 2) || ' ' || min(id) || ' ' || max(id) "
                + "FROM events")).isEqualTo("1500 1500 1 2999");
    }

    /** Asserts the next sync of the table with {@code --deletes detect} fails with SYNC_REFUSED. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String table) {
        return assertThatThrownBy(() -> databases.sync(detect(table))).isInstanceOfSatisfying(DbferryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_REFUSED));
    }

    /** Sync of one table with {@code --deletes detect}, up to half of it. */
    private static SyncOptions detect(String table) {
        return SyncTestOptions.deletes(SyncTestOptions.tables(SyncTestOptions.defaults(), table), 0.5, false);
    }
}
