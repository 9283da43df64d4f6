package io.dbferry.transfer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a column holds beyond rejects: storage classes, time forms, NaN/Infinity and NULLs. */
class ColumnFindingsTest {

    @TempDir
    Path dir;

    @Test
    void reportsTextInAnIntegerColumnWithTheCountPerStorageClass() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)",
                "INSERT INTO t VALUES (1, 10), (2, 'abc'), (3, 20), (4, NULL), (5, 'x'), (6, 30)")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.MIXED_STORAGE_CLASS);

            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.column()).isEqualTo("n");
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("id=2", "'abc'"), tuple("id=5", "'x'"));
            assertThat(issue.message()).contains("stored as text where integer is expected",
                    "integer 3, text 2, null 1");
            assertThat(issue.suggestion()).contains("t.n", "--cast \"column t.n to text\"");
            assertThat(db.issue("t", IssueCode.NOT_AN_INTEGER).affectedRows()).isEqualTo(2);
        }
    }

    @Test
    void acceptsEpochNumbersAndTextAloneButNotMixed() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, only_epoch DATETIME)",
                "INSERT INTO t VALUES (1, 1700000000, 1700000000), (2, '1700000100', 1700000100),"
                        + " (3, '2024-01-01 10:00:00', 2460000.5), (4, 1700000200.5, NULL)")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.EPOCH_ISO_MIXTURE);

            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.column()).isEqualTo("at");
            assertThat(issue.affectedRows()).isEqualTo(1);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("id=3", "'2024-01-01 10:00:00'"));
            assertThat(issue.message()).contains("3 numeric values", "1 text value");
            assertThat(issue.suggestion()).contains("--cast \"column t.at to timestamp using epoch-s\"");
        }
    }

    @Test
    void reportsUtcOffsetsThatATimestampColumnDropsButNotUtcItself() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, d DATE)",
                "INSERT INTO t VALUES (1, '2024-01-01T10:00:00+02:00', '2024-01-01'),"
                        + " (2, '2024-01-01 10:00:00', '2024-01-02'), (3, '2024-01-01 10:00:00.5-05:30', NULL),"
                        + " (4, '2024-01-01 10:00:00Z', NULL), (5, '2024-01-01 10:00:00+00:00', NULL)")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.TIME_ZONE_DROPPED);

            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.column()).isEqualTo("at");
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value).containsExactly(
                    tuple("id=1", "'2024-01-01T10:00:00+02:00'"), tuple("id=3", "'2024-01-01 10:00:00.5-05:30'"));
            assertThat(issue.suggestion()).contains("--cast \"column t.at to timestamptz\"");
        }
    }

    @Test
    void reportsInfinitiesAndNanTextInARealColumn() throws Exception {
        // SQLite stores a NaN result as NULL (floatingpoint.html); 9e999 overflows to Infinity.
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, x REAL)",
                "INSERT INTO t VALUES (1, 1.5), (2, 9e999), (3, -9e999), (4, 'NaN'), (5, 0.0 / 0.0)")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.NAN_OR_INFINITY);

            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.affectedRows()).isEqualTo(3);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value).containsExactly(
                    tuple("id=2", "Infinity"), tuple("id=3", "-Infinity"), tuple("id=4", "'NaN'"));
            assertThat(issue.suggestion()).contains("t.x");
        }
    }

    @Test
    void reportsNullPrimaryKeysByRowid() throws Exception {
        // Outside INTEGER PRIMARY KEY, SQLite allows NULL in a primary key (lang_createtable.html).
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (code TEXT PRIMARY KEY, v INTEGER)",
                "INSERT INTO t VALUES ('a', 1), (NULL, 2), ('b', NULL), (NULL, 4)")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.NULL_IN_NOT_NULL);

            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.column()).isEqualTo("code");
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("rowid=2", "NULL"), tuple("rowid=4", "NULL"));
            assertThat(issue.suggestion()).contains("t.code");
        }
    }

    @Test
    void namesRowsOfATableWithoutPrimaryKeyByRowidEvenWhenAColumnIsCalledRowid() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (rowid TEXT, n INTEGER)",
                "INSERT INTO t VALUES ('x', 1), ('y', 'two')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.NOT_AN_INTEGER);

            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("_rowid_=2", "'two'"));
        }
    }
}
