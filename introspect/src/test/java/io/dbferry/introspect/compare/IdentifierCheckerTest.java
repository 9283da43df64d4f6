package io.dbferry.introspect.compare;

import static io.dbferry.introspect.TestTables.map;
import static io.dbferry.introspect.TestTables.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source names against PostgreSQL's identifier rules (PostgreSQL docs §4.1.1) under each identifier policy. */
class IdentifierCheckerTest {

    private final IdentifierChecker preserving = new IdentifierChecker(IdentifierPolicy.PRESERVE);
    private final IdentifierChecker lowering = new IdentifierChecker(IdentifierPolicy.LOWER);

    private static List<CompatibilityIssue> only(List<CompatibilityIssue> issues, IssueCode code) {
        return issues.stream().filter(i -> i.code() == code).toList();
    }

    @Test
    void findsNothingInACleanLowerCaseSchema() {
        Table album = source("album").column("album_id", "INTEGER").column("title", "TEXT").build();
        Table artist = source("artist").column("artist_id", "INTEGER").column("name", "TEXT").build();

        assertThat(preserving.check(List.of(album, artist))).isEmpty();
        assertThat(lowering.check(List.of(album, artist))).isEmpty();
    }

    @Test
    void reportsATableNameLongerThan63Bytes() {
        String name = "t".repeat(64);

        List<CompatibilityIssue> issues = preserving.check(List.of(source(name).column("id", "INTEGER").build()));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.IDENTIFIER_TOO_LONG);
            assertThat(i.table()).isEqualTo(name);
            assertThat(i.column()).isNull();
            assertThat(i.message()).contains("64 bytes", "\"" + "t".repeat(63) + "\"");
        });
    }

    @Test
    void acceptsANameOfExactly63Bytes() {
        assertThat(preserving.check(List.of(source("t".repeat(63)).column("c".repeat(63), "INTEGER").build())))
                .isEmpty();
    }

    @Test
    void reportsALongMultibyteColumnNameCutAtACharacterBoundary() {
        // 32 × "ä" is 64 bytes of UTF-8; PostgreSQL keeps the 31 whole characters that fit in 63.
        String column = "ä".repeat(32);

        List<CompatibilityIssue> issues = only(
                preserving.check(List.of(source("t").column(column, "TEXT").build())), IssueCode.IDENTIFIER_TOO_LONG);

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.table()).isEqualTo("t");
            assertThat(i.column()).isEqualTo(column);
            assertThat(i.message()).contains("64 bytes", "\"" + "ä".repeat(31) + "\"");
        });
    }

    @Test
    void reportsTablesThatDifferOnlyInCaseUnderLower() {
        List<Table> tables = List.of(source("Album").column("id", "INTEGER").build(),
                source("album").column("id", "INTEGER").build());

        assertThat(only(lowering.check(tables), IssueCode.IDENTIFIER_COLLISION)).singleElement().satisfies(i -> {
            assertThat(i.table()).isEqualTo("album");
            assertThat(i.column()).isNull();
            assertThat(i.message()).contains("\"Album\"", "\"album\"", "differ only in case");
            assertThat(i.suggestion()).contains("--identifiers preserve");
        });
        assertThat(only(preserving.check(tables), IssueCode.IDENTIFIER_COLLISION)).isEmpty();
    }

    @Test
    void reportsCaseOnlyColumnCollisionUnderLower() {
        List<Table> tables = List.of(source("t").column("Name", "TEXT").column("NAME", "TEXT").build());

        assertThat(only(lowering.check(tables), IssueCode.IDENTIFIER_COLLISION)).singleElement().satisfies(i -> {
            assertThat(i.table()).isEqualTo("t");
            assertThat(i.column()).isEqualTo("NAME");
            assertThat(i.message()).contains("\"Name\"", "\"NAME\"", "\"name\"", "differ only in case");
        });
        assertThat(only(preserving.check(tables), IssueCode.IDENTIFIER_COLLISION)).isEmpty();
    }

    @Test
    void reportsTablesWhoseFirst63BytesAreEqualUnderPreserve() {
        String prefix = "p".repeat(63);
        List<Table> tables = List.of(source(prefix + "_one").column("id", "INTEGER").build(),
                source(prefix + "_two").column("id", "INTEGER").build());

        assertThat(only(preserving.check(tables), IssueCode.IDENTIFIER_COLLISION)).singleElement().satisfies(i -> {
            assertThat(i.table()).isEqualTo(prefix + "_two");
            assertThat(i.message()).contains("\"" + prefix + "\"", "after truncation to 63 bytes");
            assertThat(i.suggestion()).contains("first 63 bytes differ");
        });
    }

    @Test
    void reportsColumnsWhoseFirst63BytesAreEqualUnderPreserve() {
        String prefix = "c".repeat(63);
        List<Table> tables = List.of(source("t").column(prefix + "1", "TEXT").column(prefix + "2", "TEXT").build());

        assertThat(only(preserving.check(tables), IssueCode.IDENTIFIER_COLLISION)).singleElement()
                .satisfies(i -> assertThat(i.column()).isEqualTo(prefix + "2"));
    }

    @Test
    void doesNotTakeColumnsOfDifferentTablesForACollision() {
        List<Table> tables = List.of(source("a").column("id", "INTEGER").build(),
                source("b").column("id", "INTEGER").build());

        assertThat(preserving.check(tables)).isEmpty();
    }

    @Test
    void listsEveryNameThatNeedsQuotingInOneIssuePerTable() {
        Table album = source("Album").column("AlbumId", "INTEGER").column("title", "TEXT")
                .column("Artist Name", "TEXT").build();
        Table artist = source("artist").column("id", "INTEGER").column("1st", "TEXT").build();

        List<CompatibilityIssue> issues = only(preserving.check(List.of(album, artist)),
                IssueCode.IDENTIFIER_NEEDS_QUOTING);

        assertThat(issues).extracting(CompatibilityIssue::table).containsExactly("Album", "artist");
        assertThat(issues.get(0).column()).isNull();
        assertThat(issues.get(0).message()).contains("3 names", "Album, AlbumId, Artist Name")
                .doesNotContain("title");
        assertThat(issues.get(0).suggestion()).contains("--identifiers lower");
        assertThat(issues.get(1).message()).contains("1 name of", ": 1st");
    }

    @Test
    void needsNoQuotingForMixedCaseNamesFoldedUnderLower() {
        Table album = source("Album").column("AlbumId", "INTEGER").column("Title", "TEXT").build();

        assertThat(lowering.check(List.of(album))).isEmpty();
    }

    @Test
    void reportsReservedWordsAsColumnsAndTables() {
        Table group = source("group").column("id", "INTEGER").column("order", "INTEGER").column("user", "TEXT")
                .build();

        List<CompatibilityIssue> issues = preserving.check(List.of(group));

        assertThat(issues).allSatisfy(i -> assertThat(i.code()).isEqualTo(IssueCode.RESERVED_WORD))
                .extracting(CompatibilityIssue::object).containsExactly("group", "group.order", "group.user");
        assertThat(issues.get(1).message()).contains("column \"order\"", "reserved key word");
        assertThat(issues.get(1).suggestion()).contains("\"order\"");
        assertThat(issues.get(0).message()).contains("table \"group\"");
    }

    @Test
    void reportsAReservedWordInAnyCaseOnceNotAlsoAsNeedingQuoting() {
        Table orders = source("orders").column("User", "TEXT").build();

        assertThat(preserving.check(List.of(orders))).extracting(CompatibilityIssue::code)
                .containsExactly(IssueCode.RESERVED_WORD);
        assertThat(lowering.check(List.of(orders))).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("\"user\""));
    }

    @Test
    void reportsAnIndexNamedLikeATableAsRenamed() {
        Table album = source("album").column("id", "INTEGER").build();
        Table track = source("track").column("album_id", "INTEGER").index("album", "album_id").build();

        List<CompatibilityIssue> issues = preserving.checkRelations(map(album, track));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.IDENTIFIER_RENAMED);
            assertThat(i.table()).isEqualTo("track");
            assertThat(i.message()).isEqualTo("index \"album\" of \"track\" is created as \"album1\": \"album\" "
                    + "already names another object in schema \"public\" (tables, views, indexes and key constraints "
                    + "share one namespace)");
        });
    }

    @Test
    void reportsTwoIndexesOfOneNameAndRenamesTheSecond() {
        Table album = source("album").column("id", "INTEGER").column("name", "TEXT").index("by_name", "name").build();
        Table artist = source("artist").column("id", "INTEGER").column("name", "TEXT").index("by_name", "name")
                .build();

        assertThat(preserving.checkRelations(map(album, artist))).singleElement().satisfies(i -> {
            assertThat(i.table()).isEqualTo("artist");
            assertThat(i.message()).contains("\"by_name\" of \"artist\" is created as \"by_name1\"");
        });
    }

    @Test
    void reportsAnIndexNamedLikeAGeneratedPrimaryKey() {
        // An unnamed primary key of "album" becomes the index "album_pkey" (PostgreSQL's naming convention).
        Table album = source("album").column("id", "INTEGER").primaryKey("id").build();
        Table track = source("track").column("id", "INTEGER").index("album_pkey", "id").build();

        assertThat(preserving.checkRelations(map(album, track))).singleElement()
                .satisfies(i -> assertThat(i.table()).isEqualTo("track"));
    }

    @Test
    void findsNoClashBetweenDistinctlyNamedTablesKeysAndIndexes() {
        Table album = source("album").column("id", "INTEGER").column("title", "TEXT").primaryKey("id")
                .unique(null, "title").index("album_title", "title").build();
        Table track = source("track").column("id", "INTEGER").column("album_id", "INTEGER").primaryKey("id")
                .foreignKey("album_id", "album", "id").index("track_album", "album_id").build();

        assertThat(preserving.checkRelations(map(album, track))).isEmpty();
    }
}
