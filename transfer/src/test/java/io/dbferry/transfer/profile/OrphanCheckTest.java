package io.dbferry.transfer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows whose foreign key matches no parent row, and foreign keys SQLite itself cannot check. */
class OrphanCheckTest {

    @TempDir
    Path dir;

    private static final String PARENT = "CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT)";

    @Test
    void findsOrphansWithTheirPrimaryKeysThroughForeignKeyCheck() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, PARENT,
                "CREATE TABLE album (album_id INTEGER PRIMARY KEY, artist_id INTEGER REFERENCES artist (id))",
                "INSERT INTO artist VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO album VALUES (10, 1), (11, 7), (12, NULL), (13, 2), (14, 8)")) {
            CompatibilityIssue issue = db.issue("album", IssueCode.ORPHAN_ROW);

            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.column()).isEqualTo("artist_id");
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("album_id=11", "7"), tuple("album_id=14", "8"));
            assertThat(issue.message()).contains("album_artist_id_fkey", "artist(id)");
            assertThat(issue.suggestion()).contains("album.artist_id");
        }
    }

    @Test
    void checksAWithoutRowidTableAndACompositeKeyWithNotExists() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir,
                "CREATE TABLE p (a TEXT, b INTEGER, PRIMARY KEY (a, b))",
                "CREATE TABLE c (k TEXT PRIMARY KEY, pa TEXT, pb INTEGER, FOREIGN KEY (pa, pb) REFERENCES p (a, b))"
                        + " WITHOUT ROWID",
                "INSERT INTO p VALUES ('x', 1)",
                "INSERT INTO c VALUES ('k1', 'x', 1), ('k2', 'x', 2), ('k3', NULL, 2), ('k4', 'y', 1)")) {
            CompatibilityIssue issue = db.issue("c", IssueCode.ORPHAN_ROW);

            assertThat(issue.column()).isNull();
            assertThat(issue.affectedRows()).isEqualTo(2);
            assertThat(issue.examples()).extracting(Example::keyText, Example::value)
                    .containsExactly(tuple("k='k2'", "('x', 2)"), tuple("k='k4'", "('y', 1)"));
            assertThat(issue.suggestion()).contains("c(pa, pb)");
        }
    }

    @Test
    void reportsAMismatchedParentKeyAndStillChecksTheOtherForeignKeys() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, PARENT,
                "CREATE TABLE tag (name TEXT)",
                "CREATE TABLE item (id INTEGER PRIMARY KEY, artist_id INTEGER REFERENCES artist (id),"
                        + " tag TEXT REFERENCES tag (name))",
                "INSERT INTO artist VALUES (1, 'a')",
                "INSERT INTO tag VALUES ('red')",
                "INSERT INTO item VALUES (1, 1, 'red'), (2, 9, 'blue')")) {
            List<CompatibilityIssue> issues = db.profile("item").issues();

            assertThat(issues).extracting(CompatibilityIssue::code, CompatibilityIssue::column,
                    CompatibilityIssue::affectedRows).containsExactlyInAnyOrder(
                    tuple(IssueCode.FOREIGN_KEY_MISMATCH, "tag", CompatibilityIssue.NOT_COUNTED),
                    tuple(IssueCode.ORPHAN_ROW, "artist_id", 1L));
            CompatibilityIssue mismatch = db.issue("item", IssueCode.FOREIGN_KEY_MISMATCH);
            assertThat(mismatch.severity()).isEqualTo(Severity.ERROR);
            assertThat(mismatch.suggestion()).contains("tag.name");
            assertThat(db.issue("item", IssueCode.ORPHAN_ROW).examples()).extracting(Example::keyText)
                    .containsExactly("id=2");
        }
    }

    @Test
    void ignoresForeignKeysToTablesLeftOutOfTheMigration() throws Exception {
        try (SqliteFixture db = SqliteFixture.create(dir, PARENT,
                "CREATE TABLE album (album_id INTEGER PRIMARY KEY, artist_id INTEGER REFERENCES artist (id))",
                "INSERT INTO album VALUES (10, 7)")) {
            assertThat(db.profile(db.tableAlone("album"), 0).issues()).isEmpty();
            assertThat(db.issue("album", IssueCode.ORPHAN_ROW).affectedRows()).isEqualTo(1);
        }
    }
}
