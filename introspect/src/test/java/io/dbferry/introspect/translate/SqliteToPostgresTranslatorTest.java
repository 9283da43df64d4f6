package io.dbferry.introspect.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.translate.ExpressionScope.ScopeColumn;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each translation rule, with the exact PostgreSQL text. Every translated text here was run on PostgreSQL 15 (as a
 * column default, a CHECK or a view of a table with these columns) and accepted.
 */
class SqliteToPostgresTranslatorTest {

    private static final TypeMapping TYPES = TypeMapping.sqliteToPostgres();

    private final SqliteToPostgresTranslator translator = new SqliteToPostgresTranslator(UnaryOperator.identity(),
            t -> TYPES.map(t).dataType());

    /** A table with columns of each kind; "Name" is declared with a capital. */
    private static final ExpressionScope TABLE = ExpressionScope.ofTable(Map.of(
            "price", new ScopeColumn("price", ValueKind.NUMBER),
            "qty", new ScopeColumn("qty", ValueKind.INTEGER),
            "Name", new ScopeColumn("Name", ValueKind.TEXT),
            "active", new ScopeColumn("active", ValueKind.BOOLEAN),
            "created", new ScopeColumn("created", ValueKind.TIMESTAMP)));

    private String defaultOf(String sql, ValueKind kind) {
        return translated(translator.translateDefault(sql, kind));
    }

    private String check(String sql) {
        return translated(translator.translateCondition(sql, TABLE));
    }

    private static String translated(Translation translation) {
        assertThat(translation).isInstanceOf(Translated.class);
        return ((Translated) translation).postgresSql();
    }

    private static String reason(Translation translation, String original) {
        assertThat(translation).isInstanceOf(Untranslatable.class);
        assertThat(((Untranslatable) translation).originalSql()).isEqualTo(original);
        return ((Untranslatable) translation).reason();
    }

    // Defaults: lang_datefunc.html and lang_createtable.html §3.2; PostgreSQL §9.9.

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "datetime('now')       => TEXT        => to_char(timezone('UTC', now()), 'YYYY-MM-DD HH24:MI:SS')",
        "datetime('now')       => TIMESTAMP   => timezone('UTC', now())",
        "(datetime('now'))     => TIMESTAMPTZ => now()",
        "CURRENT_TIMESTAMP     => TEXT        => to_char(timezone('UTC', now()), 'YYYY-MM-DD HH24:MI:SS')",
        "CURRENT_TIMESTAMP     => TIMESTAMP   => timezone('UTC', now())",
        "CURRENT_DATE          => DATE        => cast(timezone('UTC', now()) as date)",
        "date('now')           => TEXT        => to_char(timezone('UTC', now()), 'YYYY-MM-DD')",
        "time('now')           => TIME        => cast(timezone('UTC', now()) as time)",
        "CURRENT_TIME          => TEXT        => to_char(timezone('UTC', now()), 'HH24:MI:SS')",
        "strftime('%s','now')  => INTEGER     => cast(extract(epoch from now()) as bigint)",
        "unixepoch()           => INTEGER     => cast(extract(epoch from now()) as bigint)",
        "datetime('now','localtime') => TIMESTAMP => localtimestamp",
        "datetime('now', '-7 days', 'start of day') => TIMESTAMP => date_trunc('day', (timezone('UTC', now()) + interval '-7 days'))",
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') => TEXT => to_char(timezone('UTC', now()), 'YYYY\"-\"MM\"-\"DD\"T\"HH24\":\"MI\":\"SS.MS\"Z\"')",
    })
    void translatesDateAndTimeDefaultsToWhatSqliteWouldStoreInTheColumn(String sqlite, ValueKind kind, String postgres) {
        assertThat(defaultOf(sqlite, kind)).isEqualTo(postgres);
    }

    @Test
    void zeroAndOneDefaultsOfABooleanColumnAreFalseAndTrue() {
        assertThat(defaultOf("0", ValueKind.BOOLEAN)).isEqualTo("false");
        assertThat(defaultOf("1", ValueKind.BOOLEAN)).isEqualTo("true");
        assertThat(defaultOf("'yes'", ValueKind.BOOLEAN)).isEqualTo("'yes'");
        assertThat(defaultOf("TRUE", ValueKind.INTEGER)).isEqualTo("1");
    }

    @Test
    void keepsLiteralDefaultsAndReadsNamesInADefaultAsStrings() {
        assertThat(defaultOf("'abc'", ValueKind.TEXT)).isEqualTo("'abc'");
        assertThat(defaultOf("\"abc\"", ValueKind.TEXT)).isEqualTo("'abc'");
        assertThat(defaultOf("abc", ValueKind.TEXT)).isEqualTo("'abc'");
        assertThat(defaultOf("-1", ValueKind.INTEGER)).isEqualTo("-1");
        assertThat(defaultOf("1.5", ValueKind.NUMBER)).isEqualTo("1.5");
        assertThat(defaultOf("NULL", ValueKind.TEXT)).isEqualTo("null");
    }

    @Test
    void reportsDefaultsTheColumnCannotHold() {
        assertThat(reason(translator.translateDefault("2", ValueKind.BOOLEAN), "2")).isEqualTo(
                "the default 2 is not a boolean");
        assertThat(reason(translator.translateDefault("''", ValueKind.INTEGER), "''")).isEqualTo(
                "the default '' is not an integer, which the column's type needs");
        assertThat(reason(translator.translateDefault("datetime('now')", ValueKind.INTEGER), "datetime('now')"))
                .isEqualTo("SQLite would store a datetime value in this column, which its integer type cannot hold");
    }

    // Expressions: lang_expr.html, lang_corefunc.html; PostgreSQL §9.2, §9.4, §9.7.

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "price BETWEEN 0 AND 100                => \"price\" between 0 and 100",
        "name IN ('a', 'b')                     => \"Name\" in ('a', 'b')",
        "name IN ('a', \"b\")                   => \"Name\" in ('a', 'b')",
        "NAME LIKE 'a%'                         => cast(\"Name\" as text) ilike 'a%'",
        "name NOT LIKE 'a\\_%' ESCAPE '\\'      => cast(\"Name\" as text) not ilike 'a\\_%' escape '\\'",
        "name GLOB 'a*.[ch]'                    => (\"Name\" ~ '^a.*\\.[ch]$')",
        "name NOT GLOB '?x'                     => (\"Name\" !~ '^.x$')",
        "active IN (0, 1)                       => \"active\" in (false, true)",
        "active = 1                             => (\"active\" = true)",
        "qty                                    => (\"qty\" <> 0)",
        "length(name) > 0                       => char_length(\"Name\") > 0",
        "substr(name, 1, 2) <> 'xx'             => substring(\"Name\", 1, 2) <> 'xx'",
        "lower(name) = upper(name)              => lower(\"Name\") = upper(\"Name\")",
        "ifnull(name, '') || 'x' <> ''          => (cast(coalesce(\"Name\", '') as text) || 'x') <> ''",
        "CAST(qty AS INTEGER) > 0               => cast(\"qty\" as bigint) > 0",
        "qty % 2 = 0                            => mod(\"qty\", 2) = 0",
        "created <= CURRENT_TIMESTAMP           => \"created\" <= timezone('UTC', now())",
        "created > datetime('now', '-1 day')    => \"created\" > (timezone('UTC', now()) + interval '-1 days')",
        "strftime('%Y', created) = '2024'       => to_char(cast(\"created\" as timestamp), 'YYYY') = '2024'",
        "likely(qty) > 0                        => \"qty\" > 0",
    })
    void translatesChecks(String sqlite, String postgres) {
        assertThat(check(sqlite)).isEqualTo(postgres);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "typeof(qty) = 'integer' => typeof() tests SQLite's storage class of a value; a PostgreSQL column has one type, which already enforces it",
        "json_valid(name)        => json_valid() is SQLite's JSON (json1.html), with JSON paths such as '$.a'; PostgreSQL's jsonb functions and operators differ",
        "name -> '$.a' IS NOT NULL => SQLite's -> and ->> take JSON paths such as '$.a'; PostgreSQL's take keys",
        "name COLLATE NOCASE = 'x' => COLLATE NOCASE has no PostgreSQL collation; compare lower() of both sides for NOCASE",
        "abs(random()) > 0       => random() returns a 64-bit integer in SQLite but a fraction between 0 and 1 in PostgreSQL",
        "hex(name) <> ''         => hex() encodes text and blobs in SQLite, but PostgreSQL's to_hex() takes only integers",
        "printf('%d', qty) <> '' => printf() takes C printf formats; PostgreSQL's format() does not",
        "soundex(name) <> ''     => the SQLite function soundex() has no PostgreSQL translation",
        "strftime('%w', created) = '0' => strftime() format '%w' uses %w, which PostgreSQL's to_char() has no equal for",
        "created > datetime('now', 'utc') => the date and time modifier 'utc' has no PostgreSQL translation",
        "name GLOB qty           => GLOB is translated to a regular expression match only when its pattern is a string literal",
    })
    void reportsWhatHasNoTranslationWithItsReason(String sqlite, String reason) {
        assertThat(reason(translator.translateCondition(sqlite, TABLE), sqlite)).isEqualTo(reason);
    }

    @Test
    void reportsEveryProblemOfAnExpressionAndWhatTheParserCannotRead() {
        assertThat(reason(translator.translateCondition("typeof(qty) = 'integer' AND hex(name) <> ''", TABLE),
                "typeof(qty) = 'integer' AND hex(name) <> ''")).contains("typeof()", "; hex()");
        assertThat(reason(translator.translateCondition("qty >", TABLE), "qty >"))
                .startsWith("jOOQ's SQL parser cannot read it: ");
    }

    @Test
    void translatesAnExpressionIndexKey() {
        assertThat(translated(translator.translateExpression("lower(name)", TABLE))).isEqualTo("lower(\"Name\")");
    }

    // Views: lang_createview.html; PostgreSQL CREATE VIEW.

    private static final ExpressionScope VIEW = ExpressionScope.ofView(
            Map.of("name", new ScopeColumn("name", ValueKind.TEXT), "id", new ScopeColumn("id", ValueKind.INTEGER),
                    "customer_id", new ScopeColumn("customer_id", ValueKind.INTEGER),
                    "paid", new ScopeColumn("paid", ValueKind.BOOLEAN)),
            Map.of("customer", new TableId("shop", "customer"), "orders", new TableId("shop", "orders")),
            Set.of("quantity", "status", "Total"));

    @Test
    void translatesAViewOverAJoinWithItsTablesInTheTargetSchema() {
        Translation view = translator.translateView("CREATE VIEW customer_orders AS SELECT c.name, o.quantity "
                + "FROM customer c JOIN orders AS o ON o.customer_id = c.id WHERE o.paid = 1 AND o.status = \"new\"",
                new TableId("shop", "customer_orders"), VIEW);

        assertThat(translated(view)).isEqualTo("create view \"shop\".\"customer_orders\" as select \"c\".\"name\", "
                + "\"o\".\"quantity\" from \"shop\".\"customer\" as \"c\" join \"shop\".\"orders\" as \"o\" on "
                + "\"o\".\"customer_id\" = \"c\".\"id\" where ((\"o\".\"paid\" = true) and \"o\".\"status\" = 'new')");
    }

    @Test
    void keepsAViewsColumnListAndReadsAQualifiedTableAsTheTargetTable() {
        Translation view = translator.translateView("CREATE VIEW IF NOT EXISTS totals (customer, \"Total\") AS "
                + "SELECT customer.name, sum(quantity) FROM main.customer JOIN orders ON customer_id = customer.id "
                + "GROUP BY customer.name", new TableId("shop", "totals"), VIEW);

        assertThat(translated(view)).isEqualTo("create view \"shop\".\"totals\"(\"customer\", \"Total\") as select "
                + "\"customer\".\"name\", sum(\"quantity\") from \"shop\".\"customer\" join \"shop\".\"orders\" on "
                + "\"customer_id\" = \"customer\".\"id\" group by \"customer\".\"name\"");
    }

    @Test
    void aViewWithAnUntranslatableFunctionIsReportedWhole() {
        String sql = "CREATE VIEW v AS SELECT typeof(name) FROM customer";

        assertThat(reason(translator.translateView(sql, new TableId("shop", "v"), VIEW), sql)).startsWith("typeof()");
    }
}
