package io.dbferry.introspect.compare;

import static io.dbferry.introspect.TestTables.characterVarying;
import static io.dbferry.introspect.TestTables.map;
import static io.dbferry.introspect.TestTables.postgres;
import static io.dbferry.introspect.TestTables.source;
import static io.dbferry.introspect.TestTables.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestTables;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Mapped source tables against the target schema as it is: tables, columns, types, nullability, defaults.
 * Target tables use the PostgreSQL catalog's type spellings.
 */
class SchemaComparatorTest {

    private final SchemaComparator comparator = new SchemaComparator();

    /** album(id INTEGER PRIMARY KEY, title VARCHAR(160) NOT NULL, artist_id INTEGER, released DATE). */
    private static Table album() {
        return source("album").column("id", "INTEGER").identity().column("title", new ColumnType("VARCHAR", 160, 0, 0))
                .notNull().column("artist_id", "INTEGER").column("released", "DATE").primaryKey("id").build();
    }

    /**
     * What migrate would create for {@link #album()}, except that column {@code changed} is defined by
     * {@code definition} instead, in its place; the definition may add other columns, or none.
     */
    private static Table albumInTarget(String changed, UnaryOperator<TestTables.Builder> definition) {
        Map<String, UnaryOperator<TestTables.Builder>> columns = new LinkedHashMap<>();
        columns.put("id", t -> t.column("id", "bigint").identity());
        columns.put("title", t -> t.column("title", characterVarying(160)).notNull());
        columns.put("artist_id", t -> t.column("artist_id", "bigint"));
        columns.put("released", t -> t.column("released", "date"));
        columns.replace(changed, definition);
        TestTables.Builder table = target("album");
        columns.values().forEach(column -> column.apply(table));
        return table.primaryKey("id").build();
    }

    private static Table albumInTarget() {
        return albumInTarget("", UnaryOperator.identity());
    }

    private List<CompatibilityIssue> compareAlbumWith(Table target) {
        return comparator.compare(map(album()), postgres(target));
    }

    @Test
    void findsNothingBetweenATableAndWhatMigrateWouldCreateForIt() {
        assertThat(compareAlbumWith(albumInTarget())).isEmpty();
    }

    @Test
    void reportsEveryTableToBeCreatedInAnEmptyTarget() {
        Table artist = source("artist").column("id", "INTEGER").build();

        List<CompatibilityIssue> issues = comparator.compare(map(album(), artist), postgres());

        assertThat(issues).extracting(CompatibilityIssue::code).containsOnly(IssueCode.TABLE_TO_BE_CREATED);
        assertThat(issues).extracting(CompatibilityIssue::table).containsExactly("album", "artist");
        assertThat(issues.get(0).message()).contains("\"public\".\"album\"", "4 columns");
        assertThat(issues.get(1).message()).contains("1 column").doesNotContain("1 columns");
    }

    @Test
    void reportsATargetTableWithoutASourceTableAsSchemaWide() {
        Table audit = target("audit_log").column("id", "bigint").build();

        List<CompatibilityIssue> issues = comparator.compare(map(album()), postgres(albumInTarget(), audit));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.TABLE_NOT_IN_SOURCE);
            assertThat(i.table()).isNull();
            assertThat(i.message()).contains("\"public\".\"audit_log\"");
        });
    }

    @Test
    void reportsASourceColumnMissingInTheTarget() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("released", t -> t));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.COLUMN_MISSING_IN_TARGET);
            assertThat(i.object()).isEqualTo("album.released");
            assertThat(i.message()).contains("\"released\"", "date");
        });
    }

    @Test
    void reportsAnExtraNullableTargetColumnAsInfo() {
        Table target = albumInTarget("released", t -> t.column("released", "date").column("note", "text"));

        assertThat(compareAlbumWith(target)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.COLUMN_NOT_IN_SOURCE);
            assertThat(i.table()).isEqualTo("album");
            assertThat(i.message()).contains("\"note\"", "NULL");
        });
    }

    @Test
    void reportsAnExtraNotNullTargetColumnWithADefaultAsInfo() {
        Table target = albumInTarget("released",
                t -> t.column("released", "date").column("rating", "integer").notNull().defaultSql("0"));

        assertThat(compareAlbumWith(target)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.COLUMN_NOT_IN_SOURCE);
            assertThat(i.message()).contains("\"rating\"", "its default");
        });
    }

    @Test
    void reportsAnExtraNotNullTargetColumnWithoutADefaultAsRequired() {
        Table target = albumInTarget("released",
                t -> t.column("released", "date").column("rating", "integer").notNull());

        assertThat(compareAlbumWith(target)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.TARGET_COLUMN_REQUIRED);
            assertThat(i.table()).isEqualTo("album");
            assertThat(i.message()).contains("\"rating\"", "NOT NULL");
        });
    }

    @Test
    void takesAnExtraIdentityColumnAsFilledByTheTarget() {
        Table target = albumInTarget("released",
                t -> t.column("released", "date").column("row_id", "bigint").identity());

        assertThat(compareAlbumWith(target)).extracting(CompatibilityIssue::code)
                .containsExactly(IssueCode.COLUMN_NOT_IN_SOURCE);
    }

    @Test
    void reportsAWiderTargetTypeAsWidened() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("title", t -> t.column("title", "text")
                .notNull()));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.TYPE_WIDENED);
            assertThat(i.object()).isEqualTo("album.title");
            assertThat(i.message()).contains("varchar(160)", "text");
        });
    }

    @Test
    void reportsAShorterTargetVarcharAsLossy() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("title",
                t -> t.column("title", characterVarying(100)).notNull()));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.TYPE_LOSSY);
            assertThat(i.object()).isEqualTo("album.title");
            assertThat(i.suggestion()).contains("varchar(160)", "--if-exists drop");
        });
    }

    @Test
    void reportsAVarcharWithoutALengthAsWidened() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("title",
                t -> t.column("title", characterVarying(0)).notNull()));

        assertThat(issues).extracting(CompatibilityIssue::code).containsExactly(IssueCode.TYPE_WIDENED);
    }

    @Test
    void reportsANarrowerTargetIntegerAsLossy() {
        assertThat(compareAlbumWith(albumInTarget("artist_id", t -> t.column("artist_id", "integer"))))
                .extracting(CompatibilityIssue::code).containsExactly(IssueCode.TYPE_LOSSY);
    }

    @Test
    void reportsATargetTypeDbferryDoesNotWriteAsLossy() {
        assertThat(compareAlbumWith(albumInTarget("title", t -> t.column("title", "citext").notNull())))
                .singleElement().satisfies(i -> {
                    assertThat(i.code()).isEqualTo(IssueCode.TYPE_LOSSY);
                    assertThat(i.message()).contains("citext", "does not check");
                });
    }

    @Test
    void reportsATargetTypeThatCannotHoldTheValuesAsIncompatible() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("released",
                t -> t.column("released", "uuid")));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.TYPE_INCOMPATIBLE);
            assertThat(i.object()).isEqualTo("album.released");
            assertThat(i.suggestion()).contains("change the target column to date");
        });
    }

    @Test
    void readsTheCatalogsTimestampSpellingAsTheMappedTimestamp() {
        Table events = source("events").column("at", "DATETIME").build();
        Table target = target("events").column("at", "timestamp without time zone").build();

        assertThat(comparator.compare(map(events), postgres(target))).isEmpty();
    }

    @Test
    void reportsATargetNotNullWhereTheSourceAllowsNull() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("artist_id",
                t -> t.column("artist_id", "bigint").notNull()));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.NULLABILITY_DIFFERS);
            assertThat(i.object()).isEqualTo("album.artist_id");
            assertThat(i.message()).contains("source allows NULL");
        });
    }

    @Test
    void reportsATargetThatAllowsNullWhereTheSourceIsNotNull() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("title",
                t -> t.column("title", characterVarying(160))));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.NULLABILITY_DIFFERS);
            assertThat(i.message()).contains("is NOT NULL but the target allows NULL");
        });
    }

    @Test
    void reportsADefaultOnlyTheTargetHas() {
        List<CompatibilityIssue> issues = compareAlbumWith(albumInTarget("released",
                t -> t.column("released", "date").defaultSql("CURRENT_DATE")));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.DEFAULT_DIFFERS);
            assertThat(i.object()).isEqualTo("album.released");
            assertThat(i.message()).contains("CURRENT_DATE");
        });
    }

    @Test
    void reportsADefaultOnlyTheSourceHas() {
        Table source = source("t").column("n", "INTEGER").defaultSql("0").build();
        Table target = target("t").column("n", "bigint").build();

        assertThat(comparator.compare(map(source), postgres(target))).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.DEFAULT_DIFFERS);
            assertThat(i.message()).contains("source default 0");
        });
    }

    @Test
    void takesTheIdentityOfBothSidesAsNoDefault() {
        Table source = source("t").column("id", "INTEGER").identity().defaultSql("7").build();
        Table target = target("t").column("id", "bigint").identity().defaultSql("nextval('t_id_seq'::regclass)")
                .build();

        assertThat(comparator.compare(map(source), postgres(target))).isEmpty();
    }

    @Test
    void addsTheKeyAndIndexDifferencesOfAnExistingTable() {
        Table source = source("t").column("id", "INTEGER").notNull().column("code", "TEXT").primaryKey("id")
                .unique(null, "code").index("t_code_idx", "code").build();
        Table target = target("t").column("id", "bigint").notNull().column("code", "text").build();

        assertThat(comparator.compare(map(source), postgres(target))).extracting(CompatibilityIssue::code)
                .containsExactlyInAnyOrder(IssueCode.PRIMARY_KEY_DIFFERS, IssueCode.UNIQUE_KEY_MISSING_IN_TARGET,
                        IssueCode.INDEX_MISSING_IN_TARGET);
    }
}
