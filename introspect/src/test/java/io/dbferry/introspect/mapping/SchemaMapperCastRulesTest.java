package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.TestSqlite;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.sql.Connection;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Cast rules applied by {@link SchemaMapper}: precedence, name matching, identity columns, unmatched rules. */
class SchemaMapperCastRulesTest {

    private static final String EVENTS = "CREATE TABLE events (id INTEGER PRIMARY KEY, created DATETIME,"
            + " updated DATETIME, flag INTEGER, code VARCHAR(20), label VARCHAR(30))";

    private static List<Table> read(String... ddl) throws Exception {
        try (Connection connection = TestSqlite.fixture(ddl)) {
            return SqliteSchemaReader.read(connection).tables();
        }
    }

    private static SchemaMapping map(List<Table> tables, String... rules) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public",
                CastRules.parse(List.of(rules))).map(tables);
    }

    private static MappedColumn column(SchemaMapping mapping, String table, String column) {
        return mapping.tables().stream().filter(t -> t.source().id().name().equals(table)).findFirst().orElseThrow()
                .columns().stream().filter(c -> c.source().name().equals(column)).findFirst().orElseThrow();
    }

    private static AbstractThrowableAssert<?, ?> assertFails(List<Table> tables, ErrorCode code, String... rules) {
        return assertThatThrownBy(() -> map(tables, rules)).isInstanceOfSatisfying(DbferryException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void columnRuleBeatsTypeRuleWhichBeatsTheTypeMapping() throws Exception {
        SchemaMapping mapping = map(read(EVENTS), "type datetime to timestamptz",
                "column events.created to timestamp using epoch-ms");

        MappedColumn created = column(mapping, "events", "created");
        MappedColumn updated = column(mapping, "events", "updated");
        MappedColumn flag = column(mapping, "events", "flag");
        assertThat(created.targetType()).isEqualTo(TargetType.of(PostgresType.TIMESTAMP));
        assertThat(created.castRule().text()).isEqualTo("column events.created to timestamp using epoch-ms");
        assertThat(updated.targetType()).isEqualTo(TargetType.of(PostgresType.TIMESTAMPTZ));
        assertThat(updated.castRule().text()).isEqualTo("type datetime to timestamptz");
        assertThat(flag.targetType()).isEqualTo(TargetType.of(PostgresType.BIGINT));
        assertThat(flag.castRule()).isNull();
    }

    @Test
    void firstMatchingRuleOfEachFormWins() throws Exception {
        SchemaMapping mapping = map(read(EVENTS), "type datetime to date", "column events.flag to boolean",
                "column events.flag to smallint", "type datetime to timestamptz");

        assertThat(column(mapping, "events", "flag").targetType()).isEqualTo(TargetType.of(PostgresType.BOOLEAN));
        assertThat(column(mapping, "events", "created").targetType()).isEqualTo(TargetType.of(PostgresType.DATE));
    }

    @Test
    void typeRuleWithModifiersSelectsOnlyColumnsDeclaredWithThem() throws Exception {
        SchemaMapping mapping = map(read(EVENTS), "type varchar(20) to text");

        assertThat(column(mapping, "events", "code").targetType()).isEqualTo(TargetType.of(PostgresType.TEXT));
        assertThat(column(mapping, "events", "label").targetType())
                .isEqualTo(new TargetType(PostgresType.VARCHAR, 30, 0, 0));
    }

    @Test
    void unquotedNamesMatchIgnoringCaseWhenNoneMatchesExactly() throws Exception {
        SchemaMapping mapping = map(read("CREATE TABLE Users (Is_Admin INTEGER)"), "column USERS.is_admin to boolean");

        assertThat(column(mapping, "Users", "Is_Admin").targetType()).isEqualTo(TargetType.of(PostgresType.BOOLEAN));
    }

    @Test
    void unquotedNamesPreferTheExactMatch() throws Exception {
        // SQLite folds only ASCII case (https://www.sqlite.org/lang_expr.html#collateop), so these are two tables.
        List<Table> tables = read("CREATE TABLE \"Äpfel\" (n INTEGER)", "CREATE TABLE \"äpfel\" (n INTEGER)");

        SchemaMapping mapping = map(tables, "column äpfel.n to text");

        assertThat(column(mapping, "äpfel", "n").targetType()).isEqualTo(TargetType.of(PostgresType.TEXT));
        assertThat(column(mapping, "Äpfel", "n").targetType()).isEqualTo(TargetType.of(PostgresType.BIGINT));
    }

    @Test
    void rejectsAnUnquotedNameMatchingSeveralTablesIgnoringCase() throws Exception {
        List<Table> tables = read("CREATE TABLE \"Äpfel\" (n INTEGER)", "CREATE TABLE \"äpfel\" (n INTEGER)");

        assertFails(tables, ErrorCode.INVALID_CAST_RULE, "column ÄPFEL.n to text").hasMessage("invalid cast rule"
                + " \"column ÄPFEL.n to text\": \"ÄPFEL\" matches the tables [\"Äpfel\", \"äpfel\"] ignoring case;"
                + " write the exact name in double quotes");
    }

    @Test
    void quotedNamesMatchExactlyOnly() throws Exception {
        List<Table> tables = read("CREATE TABLE \"my table\" (\"a.b\" INTEGER)");

        assertThat(column(map(tables, "column \"my table\".\"a.b\" to smallint"), "my table", "a.b").targetType())
                .isEqualTo(TargetType.of(PostgresType.SMALLINT));
        assertFails(tables, ErrorCode.CAST_RULE_UNMATCHED, "column \"MY TABLE\".\"a.b\" to smallint")
                .hasMessageStartingWith("cast rule \"column \"MY TABLE\".\"a.b\" to smallint\" matched no column:"
                        + " no table \"MY TABLE\" is being migrated");
    }

    @Test
    void rejectsRulesThatMatchNoColumnNamingEach() throws Exception {
        assertFails(read(EVENTS), ErrorCode.CAST_RULE_UNMATCHED, "column events.flag to boolean",
                "column users.is_admin to boolean", "column events.nope to text", "type money to numeric(10,2)")
                .hasMessage("cast rule \"column users.is_admin to boolean\" matched no column: no table \"users\" is"
                        + " being migrated; cast rule \"column events.nope to text\" matched no column: table"
                        + " \"events\" has no column \"nope\"; cast rule \"type money to numeric(10,2)\" matched no"
                        + " column: no column being migrated is declared money. Correct or remove the rule: dbferry"
                        + " inspect SOURCE lists the tables, columns and declared types, and --tables/--exclude"
                        + " decide which tables are migrated");
    }

    @Test
    void countsOnlyTheTablesBeingMigrated() throws Exception {
        List<Table> tables = read(EVENTS, "CREATE TABLE users (is_admin INTEGER)");
        List<Table> eventsOnly = tables.stream().filter(t -> t.id().name().equals("events")).toList();

        assertThat(map(tables, "column users.is_admin to boolean").tables()).hasSize(2);
        assertFails(eventsOnly, ErrorCode.CAST_RULE_UNMATCHED, "column users.is_admin to boolean")
                .hasMessageContaining("no table \"users\" is being migrated");
    }

    @Test
    void letsAColumnRuleGiveARowidAliasAnotherIntegerType() throws Exception {
        MappedColumn id = column(map(read(EVENTS), "column events.id to integer"), "events", "id");

        assertThat(id.identity()).isTrue();
        assertThat(id.targetType()).isEqualTo(TargetType.of(PostgresType.INTEGER));
        assertThat(id.castRule()).isNotNull();
    }

    @Test
    void rejectsAColumnRuleGivingARowidAliasANonIntegerType() throws Exception {
        assertFails(read(EVENTS), ErrorCode.INVALID_CAST_RULE, "column events.id to text").hasMessage("invalid cast"
                + " rule \"column events.id to text\": \"id\" is the table's rowid alias (INTEGER PRIMARY KEY),"
                + " which becomes an identity column; give it smallint, integer or bigint, or leave it to the type"
                + " mapping (bigint)");
    }

    @Test
    void typeRulesLeaveRowidAliasesAloneUnlessTheTargetIsAnIntegerType() throws Exception {
        SchemaMapping toText = map(read(EVENTS), "type integer to text");
        SchemaMapping toInteger = map(read(EVENTS), "type integer to integer");

        assertThat(column(toText, "events", "id").targetType()).isEqualTo(TargetType.of(PostgresType.BIGINT));
        assertThat(column(toText, "events", "id").castRule()).isNull();
        assertThat(column(toText, "events", "flag").targetType()).isEqualTo(TargetType.of(PostgresType.TEXT));
        assertThat(column(toInteger, "events", "id").targetType()).isEqualTo(TargetType.of(PostgresType.INTEGER));
        assertFails(read("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"), ErrorCode.CAST_RULE_UNMATCHED,
                "type integer to text").hasMessageStartingWith("cast rule \"type integer to text\" matched no column:"
                        + " no column being migrated is declared integer other than rowid aliases (INTEGER PRIMARY"
                        + " KEY), which a type rule only gives smallint, integer or bigint.");
    }

    @Test
    void keepsTheTypeMappingWithoutRules() throws Exception {
        SchemaMapping mapping = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                .map(read(EVENTS));

        assertThat(mapping.tables().getFirst().columns()).allSatisfy(c -> assertThat(c.castRule()).isNull());
        assertThat(column(mapping, "events", "created").targetType()).isEqualTo(TargetType.of(PostgresType.TIMESTAMP));
    }
}
