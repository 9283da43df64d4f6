package io.dbferry.transfer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.Severity;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.testing.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile of whole tables: clean data, the Chinook sample and sampling. */
class SqliteDataProfilerTest {

    @TempDir
    Path dir;

    @Test
    void findsNothingInCleanData() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE artist (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE)",
                "CREATE TABLE album (id INTEGER PRIMARY KEY, artist_id INTEGER NOT NULL REFERENCES artist (id),"
                        + " title TEXT, released DATE, added DATETIME UNIQUE, price NUMERIC(5,2), rating REAL,"
                        + " live BOOLEAN, meta JSON, ref UUID, cover BLOB)",
                "INSERT INTO artist VALUES (1, 'AC/DC'), (2, 'Accept')",
                "INSERT INTO album VALUES (1, 1, 'Back in Black', '1980-07-25', '2024-01-01 10:00:00', 9.99, 4.5,"
                        + " 0, '{\"tracks\": 10}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', x'FFD8')",
                "INSERT INTO album VALUES (2, 2, 'Balls to the Wall', '1983-12-05', '2024-01-01 10:00:01', 8, 4,"
                        + " 1, jsonb('[1]'), 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL)")) {
            for (MappedTable table : db.tables()) {
                TableProfile profile = db.profile(table, 0);

                assertThat(profile.issues()).as(table.source().id().name()).isEmpty();
                assertThat(profile.rowsScanned()).isEqualTo(2);
            }
        }
    }

    @Test
    void findsNoErrorInChinook() throws Exception {
        try (SqliteFixture db = SqliteFixture.open(Samples.chinook())) {
            List<CompatibilityIssue> issues = new ArrayList<>();
            long rows = 0;
            for (MappedTable table : db.tables()) {
                TableProfile profile = db.profile(table, 0);
                issues.addAll(profile.issues());
                rows += profile.rowsScanned();
            }

            assertThat(issues).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
            assertThat(rows).isEqualTo(15_607);
        }
    }

    @Test
    void scansOnlyTheFirstRowsOfASample() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE p (id INTEGER PRIMARY KEY)",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, p_id INTEGER REFERENCES p (id))",
                "INSERT INTO p VALUES (1)",
                "INSERT INTO t VALUES (5, 'x', 9), (1, 1, 1), (2, 'y', 1), (3, 3, 1), (4, 4, 8), (6, 'z', 7)")) {
            TableProfile profile = db.profile(db.table("t"), 4);

            assertThat(profile.rowsScanned()).isEqualTo(4);
            assertThat(profile.issues()).extracting(CompatibilityIssue::code, CompatibilityIssue::affectedRows)
                    .containsExactlyInAnyOrder(tuple(IssueCode.MIXED_STORAGE_CLASS, 1L),
                            tuple(IssueCode.NOT_AN_INTEGER, 1L), tuple(IssueCode.ORPHAN_ROW, 1L));
            assertThat(profile.issues()).flatExtracting(CompatibilityIssue::examples).extracting(Example::keyText)
                    .containsOnly("id=2", "id=4");
            assertThat(db.profile(db.table("t"), 0).rowsScanned()).isEqualTo(6);
        }
    }

    @Test
    void samplesAWithoutRowidTableInPrimaryKeyOrder() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE p (id INTEGER PRIMARY KEY)",
                "CREATE TABLE t (k TEXT PRIMARY KEY, p_id INTEGER REFERENCES p (id)) WITHOUT ROWID",
                "INSERT INTO t VALUES ('c', 3), ('a', 1), ('b', 2)")) {
            TableProfile profile = db.profile(db.table("t"), 2);

            assertThat(profile.rowsScanned()).isEqualTo(2);
            assertThat(db.issue("t", IssueCode.ORPHAN_ROW).affectedRows()).isEqualTo(3);
            assertThat(profile.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.code()).isEqualTo(IssueCode.ORPHAN_ROW);
                assertThat(issue.examples()).extracting(Example::keyText).containsExactly("k='a'", "k='b'");
            });
        }
    }

    @Test
    void readsTheTextOfAUtf16DatabaseAsText() throws Exception {
        // The driver's getBytes returns UTF-16 bytes there: 'x' would look like "x\0", a NUL the target refuses,
        // and 'äbc' like six characters, too long for VARCHAR(3).
        try (SqliteFixture db = SqliteFixture.create(dir, "PRAGMA encoding = 'UTF-16le'",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, code VARCHAR(3), note TEXT)",
                "INSERT INTO t VALUES (1, 'äbc', 'x'), (2, 'ā', '😀')")) {
            TableProfile profile = db.profile(db.table("t"), 0);

            assertThat(profile.issues()).isEmpty();
            assertThat(profile.rowsScanned()).isEqualTo(2);
        }
    }

    @Test
    void refusesANegativeSample() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, "CREATE TABLE t (id INTEGER PRIMARY KEY)")) {
            assertThatThrownBy(() -> db.profile(db.table("t"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleRows must be ≥ 0");
        }
    }

    @Test
    void wrapsSqliteFailuresWithTheTableName() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, "CREATE TABLE t (id INTEGER PRIMARY KEY)")) {
            MappedTable table = db.table("t");
            db.execute("DROP TABLE t");

            assertThatThrownBy(() -> db.profile(table, 0)).isInstanceOfSatisfying(DbferryException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.LOAD_FAILED))
                    .hasMessageContaining("failed profiling the values of t in the source");
        }
    }

    @Test
    void quotesTableAndColumnNames() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE \"Mixed Case\" (\"select\" INTEGER PRIMARY KEY, \"a\"\"b\" SMALLINT)",
                "INSERT INTO \"Mixed Case\" VALUES (1, 99999)")) {
            CompatibilityIssue issue = db.issue("Mixed Case", IssueCode.VALUE_OUT_OF_RANGE);

            assertThat(issue.column()).isEqualTo("a\"b");
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("select=1", "99999"));
        }
    }
}
