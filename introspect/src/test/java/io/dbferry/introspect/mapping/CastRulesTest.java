package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRule.ColumnSelector;
import io.dbferry.introspect.mapping.CastRule.SourceName;
import io.dbferry.introspect.mapping.CastRule.TypeSelector;
import io.dbferry.introspect.model.ColumnType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cast rule grammar of issue 3: both forms, quoting, case, files, and every message. */
class CastRulesTest {

    private static final String SUPPORTED = "smallint, integer, bigint, double precision, numeric, varchar, char,"
            + " text, bytea, boolean, date, timestamp, timestamp with time zone, time, jsonb, uuid";
    private static final String COMBINATIONS = "boolean with boolean; epoch-s, epoch-ms, epoch-us or julian-day"
            + " with date, timestamp or timestamp with time zone";

    @TempDir
    Path dir;

    private static CastRule parse(String rule) {
        return CastRules.parse(List.of(rule)).rules().getFirst();
    }

    private static AbstractThrowableAssert<?, ?> assertInvalid(String rule) {
        return assertThatThrownBy(() -> parse(rule)).isInstanceOfSatisfying(DbferryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CAST_RULE));
    }

    private static SourceName name(String name) {
        return new SourceName(name, false);
    }

    @Test
    void parsesAColumnRule() {
        CastRule rule = parse("column events.payload to jsonb");

        assertThat(rule.text()).isEqualTo("column events.payload to jsonb");
        assertThat(rule.selector()).isEqualTo(new ColumnSelector(name("events"), name("payload")));
        assertThat(rule.target()).isEqualTo(TargetType.of(PostgresType.JSONB));
        assertThat(rule.transform()).isNull();
    }

    @Test
    void parsesATypeRuleToTimestamptzInBothSpellings() {
        CastRule short_ = parse("type datetime to timestamptz");
        CastRule long_ = parse("type datetime to timestamp with time zone");

        assertThat(short_.selector()).isEqualTo(new TypeSelector("datetime", List.of()));
        assertThat(short_.target()).isEqualTo(TargetType.of(PostgresType.TIMESTAMPTZ));
        assertThat(long_.target()).isEqualTo(TargetType.of(PostgresType.TIMESTAMPTZ));
    }

    @Test
    void readsDeclaredAndTargetTypesOfSeveralWords() {
        CastRule rule = parse("type floating point to double precision");

        assertThat(rule.selector()).isEqualTo(new TypeSelector("floating point", List.of()));
        assertThat(rule.target()).isEqualTo(TargetType.of(PostgresType.DOUBLE_PRECISION));
    }

    @Test
    void parsesEachTransformWithItsTarget() {
        assertThat(parse("column users.is_admin to boolean using boolean").transform())
                .isEqualTo(CastTransform.BOOLEAN);
        assertThat(parse("column t.created to timestamp using epoch-ms").transform())
                .isEqualTo(CastTransform.EPOCH_MILLIS);
        assertThat(parse("column t.created to timestamptz using epoch-s").transform())
                .isEqualTo(CastTransform.EPOCH_SECONDS);
        assertThat(parse("column t.created to timestamp using epoch-us").transform())
                .isEqualTo(CastTransform.EPOCH_MICROS);
        assertThat(parse("type real to date using julian-day").transform()).isEqualTo(CastTransform.JULIAN_DAY);
    }

    @Test
    void ignoresTheCaseOfKeywordsTypesAndTransforms() {
        CastRule rule = parse("  COLUMN Events.Created  To   TIMESTAMPTZ   USING Epoch-MS ");

        assertThat(rule.text()).isEqualTo("COLUMN Events.Created  To   TIMESTAMPTZ   USING Epoch-MS");
        assertThat(rule.selector()).isEqualTo(new ColumnSelector(name("Events"), name("Created")));
        assertThat(rule.target()).isEqualTo(TargetType.of(PostgresType.TIMESTAMPTZ));
        assertThat(rule.transform()).isEqualTo(CastTransform.EPOCH_MILLIS);
        assertThat(parse("TYPE DateTime TO timestamp").selector()).isEqualTo(new TypeSelector("DateTime", List.of()));
    }

    @Test
    void readsQuotedNamesWithSpacesDotsAndDoubledQuotes() {
        assertThat(parse("column \"my table\".\"a.b\" to text").selector()).isEqualTo(
                new ColumnSelector(new SourceName("my table", true), new SourceName("a.b", true)));
        assertThat(parse("column \"say \"\"hi\"\"\".x to text").selector()).isEqualTo(
                new ColumnSelector(new SourceName("say \"hi\"", true), name("x")));
    }

    @Test
    void keepsTargetModifiers() {
        assertThat(parse("column t.c to varchar(40)").target())
                .isEqualTo(new TargetType(PostgresType.VARCHAR, 40, 0, 0));
        assertThat(parse("column t.c to NUMERIC( 12 , 2 )").target())
                .isEqualTo(new TargetType(PostgresType.NUMERIC, 0, 12, 2));
    }

    @Test
    void matchesDeclaredModifiersOnlyWhenTheRuleGivesThem() {
        TypeSelector anyVarchar = (TypeSelector) parse("type varchar to text").selector();
        TypeSelector varchar20 = (TypeSelector) parse("type VARCHAR(20) to text").selector();
        TypeSelector numeric10 = (TypeSelector) parse("type numeric(10, 0) to bigint").selector();

        assertThat(anyVarchar.matches(new ColumnType("VarChar", 30, 0, 0))).isTrue();
        assertThat(anyVarchar.matches(ColumnType.of("varchar"))).isTrue();
        assertThat(varchar20.matches(new ColumnType("varchar", 20, 0, 0))).isTrue();
        assertThat(varchar20.matches(new ColumnType("varchar", 30, 0, 0))).isFalse();
        assertThat(varchar20.matches(ColumnType.of("varchar"))).isFalse();
        assertThat(varchar20.toString()).isEqualTo("VARCHAR(20)");
        assertThat(numeric10.matches(new ColumnType("NUMERIC", 0, 10, 0))).isTrue();
        assertThat(numeric10.matches(new ColumnType("NUMERIC", 0, 10, 2))).isFalse();
    }

    @Test
    void matchesDeclaredNamesIgnoringCaseAndWhitespaceRuns() {
        TypeSelector selector = (TypeSelector) parse("type floating point to double precision").selector();

        assertThat(selector.matches(ColumnType.of("FLOATING   POINT"))).isTrue();
        assertThat(selector.matches(ColumnType.of("FLOATINGPOINT"))).isFalse();
    }

    @Test
    void rejectsAnUnknownFirstWord() {
        assertInvalid("colum t.c to text").hasMessage("invalid cast rule \"colum t.c to text\": expected 'column'"
                + " or 'type' first (example: column events.payload to jsonb, or type datetime to timestamptz)");
        assertInvalid("   ").hasMessageContaining("expected 'column' or 'type' first");
    }

    @Test
    void rejectsAColumnRuleWithoutTableOrColumn() {
        assertInvalid("column").hasMessage("invalid cast rule \"column\": expected TABLE.COLUMN after 'column'"
                + " (example: column events.payload to jsonb)");
        assertInvalid("column payload to jsonb").hasMessage("invalid cast rule \"column payload to jsonb\":"
                + " expected '.' and the column name after the table name \"payload\""
                + " (example: column events.payload to jsonb)");
        assertInvalid("column .c to text").hasMessage("invalid cast rule \"column .c to text\": expected the"
                + " table name at character 8 (example: column events.payload to jsonb)");
        assertInvalid("column t. to text").hasMessageContaining("expected the column name at character 10");
    }

    @Test
    void rejectsAColumnRuleWithoutTo() {
        assertInvalid("column t.c text").hasMessage("invalid cast rule \"column t.c text\": expected 'to TYPE'"
                + " after the column name \"c\" (quote names that contain spaces, dots or quotes)"
                + " (example: column events.payload to jsonb)");
        assertInvalid("column t.a.b to text").hasMessageContaining("after the column name \"a\"");
        assertInvalid("column t.c to").hasMessageContaining("expected 'to TYPE'");
    }

    @Test
    void rejectsBadQuoting() {
        assertInvalid("column \"my table.c to text").hasMessage("invalid cast rule \"column \"my table.c to text\":"
                + " expected a closing '\"' after the table name (write \"\" for a quote inside a name)"
                + " (example: column \"my table\".\"a.b\" to text)");
        assertInvalid("column \"\".c to text").hasMessage("invalid cast rule \"column \"\".c to text\": expected"
                + " the table name inside the quotes (example: column \"my table\".\"a.b\" to text)");
    }

    @Test
    void rejectsATypeRuleWithoutTo() {
        assertInvalid("type datetime timestamptz").hasMessage("invalid cast rule \"type datetime timestamptz\":"
                + " expected 'type DECLARED to TYPE' (example: type datetime to timestamptz)");
    }

    @Test
    void rejectsMalformedDeclaredModifiers() {
        assertInvalid("type varchar(x) to text").hasMessage("invalid cast rule \"type varchar(x) to text\":"
                + " expected a declared type name, optionally with (n) or (p, s), before 'to', not 'varchar(x)'"
                + " (example: type varchar(20) to text)");
        assertInvalid("type \t to text").hasMessageContaining("expected a declared type name");
    }

    @Test
    void rejectsJsonSuggestingJsonbAndListsTheSupportedTypes() {
        assertInvalid("column events.payload to json").hasMessage("invalid cast rule \"column events.payload to"
                + " json\": 'json' is not a type dbferry writes; use jsonb instead (supported: " + SUPPORTED + ")"
                + " (example: column events.payload to jsonb)");
    }

    @Test
    void rejectsUnknownTypesListingTheSupportedOnes() {
        assertInvalid("column hosts.ip to inet").hasMessage("invalid cast rule \"column hosts.ip to inet\": 'inet'"
                + " is not a type dbferry writes (supported: " + SUPPORTED + ") (example: column events.payload"
                + " to jsonb)");
        assertInvalid("column t.c to integer[]").hasMessageContaining("'integer[]' is not a type dbferry writes");
    }

    @Test
    void rejectsModifiersTheTargetTypeDoesNotTake() {
        assertInvalid("column t.c to text(5)").hasMessage("invalid cast rule \"column t.c to text(5)\": 'text(5)'"
                + " has modifiers text does not take (example: type datetime to text)");
        assertInvalid("column t.c to numeric(2,5)").hasMessageContaining("'numeric(2,5)' has modifiers numeric"
                + " does not take (example: type money to numeric(10,2))");
        assertInvalid("column t.c to timestamp(3)").hasMessageContaining("'timestamp(3)' has modifiers timestamp"
                + " does not take");
    }

    @Test
    void rejectsATransformThatDoesNotFitTheTarget() {
        assertInvalid("column t.c to text using epoch-ms").hasMessage("invalid cast rule \"column t.c to text using"
                + " epoch-ms\": using epoch-ms does not fit text; the transforms fit: " + COMBINATIONS
                + " (example: column t.created to timestamp using epoch-ms)");
        assertInvalid("column t.c to timestamp using boolean").hasMessageContaining("using boolean does not fit"
                + " timestamp");
        assertInvalid("column t.c to boolean using julian-day").hasMessageContaining("does not fit boolean");
    }

    @Test
    void rejectsUnknownOrMissingTransforms() {
        assertInvalid("column t.c to timestamp using epoch").hasMessage("invalid cast rule \"column t.c to"
                + " timestamp using epoch\": unknown transform 'epoch'; expected one of boolean, epoch-s, epoch-ms,"
                + " epoch-us, julian-day (example: column t.created to timestamp using epoch-ms)");
        assertInvalid("column t.c to timestamp using").hasMessageContaining("expected one transform after 'using'");
        assertInvalid("column t.c to timestamp using epoch-ms please")
                .hasMessageContaining("expected one transform after 'using', one of boolean, epoch-s");
    }

    @Test
    void readsAFileSkippingBlankLinesAndComments() throws Exception {
        Path file = dir.resolve("casts.txt");
        Files.writeString(file, """
                # cast rules for the app database

                column events.payload to jsonb   # validated JSON
                  type datetime to timestamptz
                column "tag#1"."a" to text
                """);

        CastRules rules = CastRules.parseFile(file);

        assertThat(rules.rules()).extracting(CastRule::text).containsExactly("column events.payload to jsonb",
                "type datetime to timestamptz", "column \"tag#1\".\"a\" to text");
    }

    @Test
    void namesFileAndLineOfAnInvalidRule() throws Exception {
        Path file = dir.resolve("casts.txt");
        Files.writeString(file, "# ok\ncolumn t.c to text\n\ncolumn t.d to json\n");

        assertThatThrownBy(() -> CastRules.parseFile(file)).isInstanceOfSatisfying(DbferryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CAST_RULE))
                .hasMessageStartingWith(file + ":4: invalid cast rule \"column t.d to json\": 'json' is not a type");
    }

    @Test
    void reportsAFileThatCannotBeRead() throws Exception {
        Path missing = dir.resolve("missing.txt");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "column t.caf\u00e9 to text\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CastRules.parseFile(missing)).isInstanceOfSatisfying(DbferryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CAST_RULE))
                .hasMessage("cannot read cast rules from " + missing + ": the file does not exist; check the path"
                        + " of the rules file");
        assertThatThrownBy(() -> CastRules.parseFile(latin1)).hasMessageContaining("it is not UTF-8 text");
    }

    @Test
    void keepsTheOrderOfRulesAndPutsFollowingOnesLast() {
        CastRules first = CastRules.parse(List.of("column a.x to text", "type date to text"));
        CastRules later = CastRules.parse(List.of("column b.y to text"));

        assertThat(first.followedBy(later).rules()).extracting(CastRule::text)
                .containsExactly("column a.x to text", "type date to text", "column b.y to text");
        assertThat(CastRules.none().isEmpty()).isTrue();
        assertThat(CastRules.parse(List.of()).rules()).isEmpty();
    }
}
