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

/** Values the column's transform would reject are reported with the matching issue code, one per column. */
class RejectedValuesTest {

    @TempDir
    Path dir;

    private CompatibilityIssue issue(IssueCode code, String... statements) throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, statements)) {
            return db.issue("t", code);
        }
    }

    @Test
    void reportsSmallintOutOfRangeWithTheWiderType() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.VALUE_OUT_OF_RANGE,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, s SMALLINT)",
                "INSERT INTO t VALUES (1, 7), (2, 40000), (3, -32768), (4, -40000)");

        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.column()).isEqualTo("s");
        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "40000"), tuple("id=4", "-40000"));
        assertThat(issue.message()).contains("t.s (SMALLINT → smallint)", "40000 is out of range for smallint");
        assertThat(issue.suggestion()).contains("--cast \"column t.s to bigint\"");
    }

    @Test
    void reportsTextLongerThanVarcharButNotTrailingSpacesPostgresCuts() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.TEXT_TOO_LONG,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, c VARCHAR(3))",
                "INSERT INTO t VALUES (1, 'abc'), (2, 'abcd'), (3, 'ab     '), (4, 'héllo')");

        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'abcd'"), tuple("id=4", "'héllo'"));
        assertThat(issue.suggestion()).contains("--cast \"column t.c to text\"");
    }

    @Test
    void reportsNonBooleansInABooleanColumn() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.INVALID_BOOLEAN,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, b BOOLEAN)",
                "INSERT INTO t VALUES (1, 1), (2, 0), (3, 'yes'), (4, 2), (5, 'maybe'), (6, NULL)");

        assertThat(issue.code().severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=4", "2"), tuple("id=5", "'maybe'"));
        assertThat(issue.suggestion()).contains("t.b", "--cast \"column t.b to text\"");
    }

    @Test
    void reportsInvalidJsonButReadsBinaryJsonbBlobs() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.INVALID_JSON,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, doc JSON)",
                "INSERT INTO t VALUES (1, '{\"a\": 1}'), (2, '{bad'), (3, jsonb('[1,2]')), (4, x'0102')");

        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'{bad'"), tuple("id=4", "x'0102'"));
        assertThat(issue.suggestion()).contains("t.doc");
    }

    @Test
    void reportsInvalidUuids() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.INVALID_UUID,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, u UUID)",
                "INSERT INTO t VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, 'not-a-uuid'), (3, x'00')");

        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'not-a-uuid'"), tuple("id=3", "x'00'"));
        assertThat(issue.suggestion()).contains("t.u");
    }

    @Test
    void reportsUnparseableTimestampsDatesAndTimes() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, ts DATETIME, d DATE, tm TIME)",
                "INSERT INTO t VALUES (1, '2024-01-01 10:00:00', '2024-02-29', '10:00')",
                "INSERT INTO t VALUES (2, 'yesterday', '2023-02-29', '25:00')")) {
            CompatibilityIssue timestamp = db.issue("t", IssueCode.INVALID_TIMESTAMP);
            CompatibilityIssue date = db.issue("t", IssueCode.INVALID_DATE);
            CompatibilityIssue time = db.issue("t", IssueCode.INVALID_TIME);

            assertThat(timestamp.column()).isEqualTo("ts");
            assertThat(timestamp.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("id=2", "'yesterday'"));
            assertThat(date.column()).isEqualTo("d");
            assertThat(date.examples()).extracting(Example::value).containsExactly("'2023-02-29'");
            assertThat(time.column()).isEqualTo("tm");
            assertThat(time.examples()).extracting(Example::value).containsExactly("'25:00'");
            assertThat(java.util.List.of(timestamp, date, time)).allSatisfy(i -> {
                assertThat(i.affectedRows()).isEqualTo(1);
                assertThat(i.severity()).isEqualTo(Severity.ERROR);
                assertThat(i.suggestion()).contains("t." + i.column());
            });
        }
    }

    @Test
    void reportsTimesOfDayADateColumnWouldDrop() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.LOSSY_CONVERSION,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE)",
                "INSERT INTO t VALUES (1, '2024-01-01'), (2, '2024-01-01 10:30:00'), (3, '2024-01-02 00:00:00')");

        assertThat(issue.affectedRows()).isEqualTo(1);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'2024-01-01 10:30:00'"));
        assertThat(issue.suggestion()).contains("--cast \"column t.d to timestamp\"");
    }

    @Test
    void reportsTextThatIsNotANumberInANumericColumn() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.NOT_A_NUMBER,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, price NUMERIC(10,2))",
                "INSERT INTO t VALUES (1, 1.98), (2, 'n/a'), (3, '12')");

        assertThat(issue.affectedRows()).isEqualTo(1);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'n/a'"));
        assertThat(issue.suggestion()).contains("t.price");
    }

    @Test
    void suggestsDoublePrecisionForFractionsInAColumnDeclaredFloatingPoint() throws Exception {
        // "FLOATING POINT" contains "INT", so SQLite gives it INTEGER affinity and the mapping bigint.
        CompatibilityIssue issue = issue(IssueCode.NOT_AN_INTEGER,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, f FLOATING POINT)",
                "INSERT INTO t VALUES (1, 1.5), (2, 2.0), (3, -0.25)");

        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=1", "1.5"), tuple("id=3", "-0.25"));
        assertThat(issue.suggestion()).contains("--cast \"column t.f to double precision\"");
    }

    @Test
    void reportsBlobsInAnIntegerColumnAsUnsupported() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.UNSUPPORTED_STORAGE_CLASS,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)",
                "INSERT INTO t VALUES (1, 5), (2, x'00FF')");

        assertThat(issue.affectedRows()).isEqualTo(1);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "x'00FF'"));
        assertThat(issue.suggestion()).contains("--cast \"column t.n to bytea\"");
    }

    @Test
    void reportsNulCharactersWithTheNulVisible() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.NUL_IN_TEXT,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)",
                "INSERT INTO t VALUES (1, 'fine'), (2, 'a' || char(0) || 'b')");

        assertThat(issue.affectedRows()).isEqualTo(1);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'a\\u0000b'"));
        assertThat(issue.suggestion()).contains("--cast \"column t.s to bytea\"");
    }

    @Test
    void reportsInvalidUtf8InsteadOfReadingReplacementCharacters() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.INVALID_UTF8,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)",
                "INSERT INTO t VALUES (1, 'café'), (2, CAST(x'636166E9' AS TEXT)), (3, CAST(x'61C328' AS TEXT))");

        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.affectedRows()).isEqualTo(2);
        assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                .containsExactly(tuple("id=2", "'caf\\xE9'"), tuple("id=3", "'a\\xC3('"));
        assertThat(issue.message()).contains("'caf\\xE9' is TEXT whose bytes are not valid UTF-8");
        assertThat(issue.suggestion()).contains("t.s", "--cast \"column t.s to bytea\"");
    }

    @Test
    void countsEveryRejectButKeepsFiveExamples() throws Exception {
        CompatibilityIssue issue = issue(IssueCode.NOT_AN_INTEGER,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 12)"
                        + " INSERT INTO t SELECT i, 'bad' || i FROM s");

        assertThat(issue.affectedRows()).isEqualTo(12);
        assertThat(issue.examples()).extracting(Example::keyText)
                .containsExactly("id=1", "id=2", "id=3", "id=4", "id=5");
        assertThat(issue.message()).contains("(the first of 12)");
    }
}
