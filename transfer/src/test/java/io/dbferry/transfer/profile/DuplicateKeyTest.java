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

/** Rows SQLite keeps apart but whose converted key values PostgreSQL would find equal. */
class DuplicateKeyTest {

    @TempDir
    Path dir;

    @Test
    void findsTimestampsThatBecomeEqualOnceConverted() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME UNIQUE)",
                "INSERT INTO t VALUES (1, '2024-01-01 10:00:00'), (2, '2024-01-02 00:00:00'),"
                        + " (3, '2024-01-01T10:00:00'), (4, NULL), (5, NULL), (6, '2024-01-01 12:00:00+02:00')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.DUPLICATE_KEY);

            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.column()).isEqualTo("at");
            assertThat(issue.affectedRows()).isEqualTo(3);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value).containsExactly(
                    tuple("id=1", "'2024-01-01 10:00:00'"), tuple("id=3", "'2024-01-01T10:00:00'"),
                    tuple("id=6", "'2024-01-01 12:00:00+02:00'"));
            assertThat(issue.message()).contains("unique key t_at_key (at)", "1 set of values is equal");
            assertThat(issue.suggestion()).contains("t.at", "--cast \"column t.at to text\"");
        }
    }

    @Test
    void findsUuidsThatDifferOnlyInCase() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (u UUID PRIMARY KEY, v TEXT)",
                "INSERT INTO t VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'x'),"
                        + " ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'y'), ('b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'z')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.DUPLICATE_KEY);

            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.message()).contains("primary key t_pkey (u)");
            assertThat(issue.examples()).extracting(Example::keyText).containsExactly(
                    "u='a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "u='A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'");
        }
    }

    @Test
    void findsABlobThatDecodesToTheSameTextAsAnotherRow() throws Exception {
        // A text key is checked only for suspects: the blob is looked up as 'ab' through the unique index.
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
                "INSERT INTO t VALUES (1, 'ab'), (2, 'cd'), (3, x'6162'), (4, x'6566')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.DUPLICATE_KEY);

            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("id=3", "x'6162'"), tuple("id=1", "'ab'"));
            assertThat(issue.suggestion()).contains("t.code");
        }
    }

    @Test
    void findsCharValuesThatDifferOnlyInTrailingSpaces() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, c CHAR(4))",
                "CREATE UNIQUE INDEX t_c ON t (c)",
                "INSERT INTO t VALUES (1, 'ab'), (2, 'ab  '), (3, 'abc')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.DUPLICATE_KEY);

            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.message()).contains("unique index t_c (c)");
            assertThat(issue.examples()).extracting(Example::keyText).containsExactlyInAnyOrder("id=1", "id=2");
        }
    }

    @Test
    void findsCollisionsInAMultiColumnKeyAndShowsEveryColumn() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, flag BOOLEAN, name TEXT, UNIQUE (flag, name))",
                "INSERT INTO t VALUES (1, 1, 'a'), (2, 'true', 'a'), (3, 't', 'b'), (4, 0, 'a')")) {
            CompatibilityIssue issue = db.issue("t", IssueCode.DUPLICATE_KEY);

            assertThat(issue.column()).isNull();
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("id=1", "(1, 'a')"), tuple("id=2", "('true', 'a')"));
            assertThat(issue.suggestion()).contains("t(flag, name)");
        }
    }

    @Test
    void leavesUniqueIntegerAndTextKeysOfUsualValuesToSqlite() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER UNIQUE, s TEXT UNIQUE, x NUMERIC UNIQUE)",
                "INSERT INTO t VALUES (1, 1, 'a', 1.5), (2, 2, 'A', 1.25), (3, NULL, NULL, NULL), (4, NULL, NULL, NULL)")) {
            assertThat(db.profile("t").issues()).extracting(CompatibilityIssue::code)
                    .doesNotContain(IssueCode.DUPLICATE_KEY);
        }
    }
}
