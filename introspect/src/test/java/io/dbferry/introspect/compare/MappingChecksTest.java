package io.dbferry.introspect.compare;

import static io.dbferry.introspect.TestTables.map;
import static io.dbferry.introspect.TestTables.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestSqlite;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.mapping.TypeRule;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the mapping does not carry over: untranslatable defaults and objects, collations, foreign keys to tables
 * left out, objects the reader noted,
 * and declared types mapped only by SQLite's affinity rules (https://www.sqlite.org/datatype3.html §3.1).
 */
class MappingChecksTest {

    private final MappingChecks checks = new MappingChecks(TypeMapping.sqliteToPostgres());

    private static SchemaSnapshot sqlite(List<String> notes, Table... tables) {
        return new SchemaSnapshot(Dialect.SQLITE, "main", List.of(tables), notes);
    }

    private List<CompatibilityIssue> check(Table... tables) {
        return checks.check(sqlite(List.of(), tables), map(tables));
    }

    private List<CompatibilityIssue> checkColumnOfType(String declaredType) {
        return check(source("t").column("c", declaredType).build());
    }

    @Test
    void findsNothingInAPlainlyTypedTableWithoutDefaults() {
        assertThat(check(source("t").column("id", "INTEGER").identity().column("name", "TEXT")
                .column("price", new ColumnType("NUMERIC", 0, 10, 2)).column("at", "DATETIME").build())).isEmpty();
    }

    @Test
    void reportsEachDefaultThatIsNotTranslatedButNotTheTranslatedOnes() {
        Table t = source("t").column("n", "INTEGER").defaultSql("0").column("created", "TEXT")
                .defaultSql("datetime('now')").column("kind", "TEXT").defaultSql("typeof(1)").column("plain", "TEXT")
                .build();

        assertThat(check(t)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.DEFAULT_NOT_CARRIED);
            assertThat(i.object()).isEqualTo("t.kind");
            assertThat(i.message()).contains("typeof(1)", "typeof() tests SQLite's storage class");
        });
    }

    @Test
    void reportsAnUntranslatableCheckAndANocaseColumnAsObjectsNotCarried() throws Exception {
        try (Connection connection = TestSqlite.fixture("CREATE TABLE t (id INTEGER PRIMARY KEY, "
                + "email TEXT COLLATE NOCASE, n INT CHECK (typeof(n) = 'integer'))")) {
            SchemaSnapshot source = SqliteSchemaReader.read(connection);
            SchemaMapping mapping = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE,
                    "public").map(source, source.tables());

            assertThat(checks.check(source, mapping)).allSatisfy(i -> assertThat(i.code())
                    .isEqualTo(IssueCode.SCHEMA_OBJECT_NOT_CARRIED)).extracting(CompatibilityIssue::message)
                    .containsExactly("the COLLATE NOCASE of email is not carried over: PostgreSQL compares the column "
                            + "case-sensitively; its indexes are on lower(email)",
                            "a CHECK constraint of \"t\" (typeof(n) = 'integer') is not carried over: typeof() tests "
                                    + "SQLite's storage class of a value; a PostgreSQL column has one type, which "
                                    + "already enforces it");
        }
    }

    @Test
    void doesNotReportTheDefaultOfARowidAlias() {
        assertThat(check(source("t").column("id", "INTEGER").identity().defaultSql("7").build())).isEmpty();
    }

    @Test
    void reportsAForeignKeyToATableLeftOutOfTheSelection() {
        Table track = source("track").column("album_id", "INTEGER").foreignKey("album_id", "album", "id").build();

        assertThat(check(track)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.FOREIGN_KEY_OUTSIDE_SELECTION);
            assertThat(i.table()).isEqualTo("track");
            assertThat(i.message()).contains("[album_id]", "\"album\"");
            assertThat(i.suggestion()).contains("--tables");
        });
    }

    @Test
    void doesNotReportAForeignKeyWhoseTableIsSelected() {
        Table album = source("album").column("id", "INTEGER").identity().primaryKey("id").build();
        Table track = source("track").column("album_id", "INTEGER").foreignKey("album_id", "album", "id").build();

        assertThat(check(album, track)).isEmpty();
    }

    @Test
    void reportsEachNoteOfTheSchemaReaderAsSchemaWide() {
        Table t = source("t").column("id", "INTEGER").build();
        List<String> notes = List.of("partial index \"t_active\" on t is not carried over",
                "virtual table \"search\" (fts5) is not carried over");

        List<CompatibilityIssue> issues = checks.check(sqlite(notes, t), map(t));

        assertThat(issues).allSatisfy(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.SCHEMA_OBJECT_NOT_CARRIED);
            assertThat(i.table()).isNull();
        }).extracting(CompatibilityIssue::message).containsExactlyElementsOf(notes);
    }

    @Test
    void keepsOnlyTheNotesOfTheSelectedTablesWhenSomeAreLeftOut() {
        Table t = source("t").column("id", "INTEGER").build();
        Table u = source("u").column("id", "INTEGER").build();
        List<String> notes = List.of("index \"t_active\" on \"t\" is partial and is not migrated yet",
                "index \"u_active\" on \"u\" is partial and is not migrated yet");

        List<CompatibilityIssue> issues = checks.check(sqlite(notes, t, u), map(t));

        assertThat(issues).extracting(CompatibilityIssue::message).containsExactly(notes.getFirst());
    }

    @ParameterizedTest(name = "{0} maps to {1} but probably means {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FLOATING POINT | bigint  | double precision
            STRING         | numeric | text
            DATETIME2      | numeric | timestamp
            SMALLDATETIME  | numeric | timestamp
            BOOLEAN2       | numeric | boolean
            """)
    void reportsADeclaredTypeThatOnlyAffinityMapsAndSuggestsACastRule(String declared, String mapped,
            String intended) {
        // SQLite's docs name two of these: "FLOATING POINT" has INTEGER affinity (it contains "INT") and
        // "STRING" NUMERIC affinity (rule 5).
        assertThat(checkColumnOfType(declared)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.AFFINITY_FALLBACK);
            assertThat(i.object()).isEqualTo("t.c");
            assertThat(i.message()).contains(declared, "affinity", "maps to " + mapped);
            assertThat(i.suggestion()).startsWith("--cast \"type " + declared + " to " + intended + "\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIGINT", "INTEGER", "TINYINT", "FLOAT4", "LONGTEXT", "MONEY", "BIT", ""})
    void acceptsTypesWhoseAffinityIsWhatTheNameSays(String declared) {
        assertThat(checkColumnOfType(declared)).isEmpty();
    }

    @Test
    void acceptsNamedTypesWithModifiers() {
        assertThat(check(source("t").column("c", new ColumnType("VARCHAR", 10, 0, 0)).build())).isEmpty();
    }

    @Test
    void leavesATypeACastRuleAlreadyMapsToTheUser() {
        Table t = source("t").column("c", "FLOATING POINT").build();
        TypeMapping withCast = TypeMapping.sqliteToPostgres().withOverrides(List.of(new TypeRule(
                TypeRule.Match.EXACT, "FLOATING POINT", PostgresType.DOUBLE_PRECISION, TypeRule.Modifiers.DROP)));
        SchemaMapping mapping = new SchemaMapper(withCast, IdentifierPolicy.PRESERVE, "public").map(List.of(t));

        assertThat(checks.check(sqlite(List.of(), t), mapping)).isEmpty();
    }
}
