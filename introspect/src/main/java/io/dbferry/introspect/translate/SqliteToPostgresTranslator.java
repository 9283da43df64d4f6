package io.dbferry.introspect.translate;

import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.TableId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultVisitListenerProvider;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;

/**
 * Translates SQLite expressions and views to PostgreSQL. Each text is parsed by jOOQ's SQL parser in the SQLITE
 * dialect and rendered by jOOQ in the POSTGRES dialect, names quoted and literals inline, so everything jOOQ knows
 * is translated by jOOQ: {@code ||}, {@code IN (…)}, {@code BETWEEN}, {@code CASE}, {@code ifnull} →
 * {@code coalesce}, {@code substr} → {@code substring}, {@code length} → {@code char_length}, {@code instr} →
 * {@code position}, {@code iif}, {@code group_concat} → {@code string_agg}, {@code a IS NOT b} → {@code IS DISTINCT
 * FROM}, {@code %} → {@code mod}, {@code REGEXP} → {@code ~} (SQLite: lang_corefunc.html, lang_expr.html;
 * PostgreSQL docs §9.4, §9.7, §9.18). On top of that, these rules:
 * <ul>
 *   <li><b>Date and time functions</b> ({@code date}, {@code time}, {@code datetime}, {@code julianday},
 *       {@code unixepoch}, {@code strftime}, {@code CURRENT_TIMESTAMP}/{@code _DATE}/{@code _TIME}; SQLite
 *       lang_datefunc.html, lang_createtable.html §3.2 → PostgreSQL §9.9): see {@link SqliteTimeFunction}, e.g.
 *       {@code strftime('%s','now')} → {@code cast(extract(epoch from now()) as bigint)}. As a column default the
 *       value is what SQLite would store in that column: {@code datetime('now')} is
 *       {@code to_char(timezone('UTC', now()), 'YYYY-MM-DD HH24:MI:SS')} in a text column,
 *       {@code timezone('UTC', now())} in a timestamp column, {@code now()} in a timestamptz column.</li>
 *   <li><b>0 and 1 for booleans</b> (SQLite datatype3.html §2.1: "SQLite does not have a separate Boolean storage
 *       class"; PostgreSQL §8.6): a {@code 0}/{@code 1} default of a boolean column, and {@code 0}/{@code 1}
 *       compared with a boolean column ({@code =}, {@code <>}, {@code IN}), become {@code false}/{@code true}; a
 *       {@code TRUE}/{@code FALSE} default of a number column becomes {@code 1}/{@code 0}. A bare number column
 *       used as a condition becomes {@code col <> 0} (lang_expr.html §13, "Boolean Expressions").</li>
 *   <li><b>Double-quoted strings</b> (SQLite quirks.html §8, lang_keywords.html): in a CHECK or index a
 *       {@code "name"} that names no column of its table is the string {@code 'name'}; in a default every name
 *       is a string.</li>
 *   <li><b>LIKE</b> is case-insensitive for ASCII in SQLite (lang_expr.html §7), so it becomes {@code ILIKE}
 *       (PostgreSQL §9.7.1), which also folds non-ASCII letters.</li>
 *   <li><b>GLOB</b> with a literal pattern becomes a POSIX regular expression match {@code ~} (§9.7.3), see
 *       {@link GlobPattern}.</li>
 *   <li><b>CAST</b> types go through the type mapping ({@code CAST(x AS INTEGER)} → {@code cast(x as bigint)}).</li>
 *   <li><b>Names</b> get their declared spelling (SQLite names are case-insensitive) and target name; a view's
 *       tables and views are qualified with the target schema. Aliases and common table expression names are kept
 *       as written, also under {@code --identifiers lower}, so a view's output columns named by an alias keep their
 *       case.</li>
 * </ul>
 * Untranslatable, with the reason: {@code typeof()}, the JSON functions and {@code ->}/{@code ->>},
 * {@code printf()}, {@code hex()}, {@code random()}, {@code COLLATE NOCASE}/{@code RTRIM} inside an expression,
 * date and time modifiers other than the ones above, any function neither jOOQ nor these rules know, and
 * anything jOOQ's parser cannot read.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqliteToPostgresTranslator {

    /** Text PostgreSQL's boolean input accepts (docs §8.6), in lower case. */
    private static final Set<String> BOOLEAN_TEXT = Set.of("t", "true", "y", "yes", "on", "1", "f", "false", "n",
            "no", "off", "0");

    private final DSLContext parser = DSL.using(SQLDialect.SQLITE, new Settings()
            .withParseDialect(SQLDialect.SQLITE)
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE));
    private final Settings rendering = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
            .withParamType(ParamType.INLINED)
            .withRenderFormatted(false);
    private final UnaryOperator<String> identifiers;
    private final Function<ColumnType, DataType<?>> castTypes;

    /**
     * Creates a translator.
     *
     * @param identifiers how a source name the scopes do not know becomes a target name (the identifier policy),
     *     used for a view's column names; never null
     * @param castTypes the PostgreSQL type a SQLite type name in {@code CAST(… AS type)} becomes (the type
     *     mapping), never null
     */
    public SqliteToPostgresTranslator(UnaryOperator<String> identifiers, Function<ColumnType, DataType<?>> castTypes) {
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        this.castTypes = Objects.requireNonNull(castTypes, "castTypes");
    }

    /**
     * Translates a column default, as {@code PRAGMA table_info} reports it (e.g. {@code 0}, {@code 'abc'},
     * {@code datetime('now')}, {@code CURRENT_TIMESTAMP}), for a column of the given kind.
     *
     * @param sqliteSql the default expression, never null
     * @param column the kind of the target column, never null
     * @return never null; {@code Translated("null")} for a NULL default
     */
    public Translation translateDefault(String sqliteSql, ValueKind column) {
        Objects.requireNonNull(column, "column");
        return translate(sqliteSql, ExpressionScope.empty(), prepared -> {
            Field<?> field = parser.parser().parseField(prepared);
            SqliteTimeFunction time = timeFunction(field);
            if (time != null) {
                return time.forColumn(column);
            }
            return field instanceof Param<?> p ? literalDefault(p, column) : field;
        });
    }

    /**
     * Translates a boolean expression: a CHECK constraint or the predicate of a partial index.
     *
     * @param sqliteSql the expression without {@code CHECK (…)} or {@code WHERE}, never null
     * @param scope the columns it may name, never null
     * @return never null
     */
    public Translation translateCondition(String sqliteSql, ExpressionScope scope) {
        return translate(sqliteSql, scope, prepared -> {
            try {
                return parser.parser().parseCondition(prepared);
            } catch (ParserException notBoolean) {
                // jOOQ wants a boolean where SQLite takes any value (e.g. CHECK (json_valid(x))); a value it can
                // parse becomes a condition by SQLite's truth rule, see TranslatingVisitListener.
                try {
                    @SuppressWarnings("unchecked")
                    Field<Boolean> value = (Field<Boolean>) parser.parser().parseField(prepared);
                    return DSL.condition(value);
                } catch (ParserException notAValue) {
                    throw notBoolean;
                }
            }
        });
    }

    /**
     * Translates a scalar expression, e.g. the key of an expression index such as {@code lower(name)}.
     *
     * @param sqliteSql the expression, never null
     * @param scope the columns it may name, never null
     * @return never null
     */
    public Translation translateExpression(String sqliteSql, ExpressionScope scope) {
        return translate(sqliteSql, scope, prepared -> parser.parser().parseField(prepared));
    }

    /**
     * Translates a {@code CREATE VIEW} statement into the PostgreSQL statement that creates the view as
     * {@code target}, with its column list (if it has one) through the identifier policy.
     *
     * @param createViewSql the statement as SQLite keeps it in {@code sqlite_schema}, never null
     * @param target the view's target schema and name, never null
     * @param scope the columns and relations its query may name, never null
     * @return never null; the translated text is a whole {@code create view} statement
     */
    public Translation translateView(String createViewSql, TableId target, ExpressionScope scope) {
        Objects.requireNonNull(target, "target");
        return translate(createViewSql, scope, prepared -> {
            Query query = parser.parser().parseQuery(prepared);
            if (!(query instanceof QOM.CreateView<?> view)) {
                throw new NotTranslatable("it is not a CREATE VIEW statement");
            }
            Name[] columns = view.$fields().stream().map(f -> DSL.name(identifiers.apply(f.getName())))
                    .toArray(Name[]::new);
            @SuppressWarnings("unchecked")
            ResultQuery<org.jooq.Record> select = (ResultQuery<org.jooq.Record>) view.$query();
            return DSL.createView(DSL.name(target.schema(), target.name()), columns).as(select);
        });
    }

    /** Parses the prepared SQL; may throw {@link NotTranslatable} or jOOQ's {@link ParserException}. */
    private interface Parse {
        QueryPart parse(String preparedSql);
    }

    private Translation translate(String sqliteSql, ExpressionScope scope, Parse parse) {
        Objects.requireNonNull(sqliteSql, "sqliteSql");
        Objects.requireNonNull(scope, "scope");
        TranslatingVisitListener listener = new TranslatingVisitListener(scope, castTypes);
        String rendered;
        try {
            QueryPart part = parse.parse(SqliteSyntax.prepare(sqliteSql));
            rendered = DSL.using(configuration(listener)).render(part);
        } catch (NotTranslatable e) {
            return new Untranslatable(sqliteSql, e.getMessage());
        } catch (ParserException e) {
            return new Untranslatable(sqliteSql, "jOOQ's SQL parser cannot read it: " + firstLine(e.getMessage()));
        }
        List<String> problems = listener.problems();
        return problems.isEmpty() ? new Translated(rendered) : new Untranslatable(sqliteSql, String.join("; ", problems));
    }

    private Configuration configuration(TranslatingVisitListener listener) {
        return new DefaultConfiguration().set(SQLDialect.POSTGRES).set(rendering)
                .set(new DefaultVisitListenerProvider(listener));
    }

    /** The date and time function a default is, or null when it is something else. */
    private static SqliteTimeFunction timeFunction(Field<?> field) {
        return switch (field) {
            case QOM.CurrentTimestamp<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.DATETIME);
            case QOM.CurrentDate<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.DATE);
            case QOM.CurrentTime<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.TIME);
            case QOM.Function<?> function when isRenamedTimeFunction(field.getName()) -> SqliteTimeFunction.call(
                    field.getName().toLowerCase(Locale.ROOT).substring(SqliteSyntax.RENAMED_PREFIX.length()),
                    function.$args());
            default -> null;
        };
    }

    private static boolean isRenamedTimeFunction(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(SqliteSyntax.RENAMED_PREFIX) && !lower.startsWith(SqliteSyntax.RENAMED_PREFIX + "json");
    }

    /** A literal default that must fit its column, as SQLite's type affinity would have made it fit. */
    private static Field<?> literalDefault(Param<?> literal, ValueKind column) {
        Object value = literal.getValue();
        Boolean bit = TranslatingVisitListener.bit(literal);
        switch (column) {
            case BOOLEAN -> {
                if (bit != null) {
                    return DSL.inline(bit);
                }
                if (value instanceof Number || value instanceof String s
                        && !BOOLEAN_TEXT.contains(s.trim().toLowerCase(Locale.ROOT))) {
                    throw new NotTranslatable("the default " + literal + " is not a boolean");
                }
            }
            case INTEGER, NUMBER -> {
                if (value instanceof Boolean b) {
                    return DSL.inline(b ? 1 : 0);
                }
                if (value instanceof String s && !isNumber(s, column == ValueKind.INTEGER)) {
                    throw new NotTranslatable("the default " + literal + " is not " + (column == ValueKind.INTEGER
                            ? "an integer" : "a number") + ", which the column's type needs");
                }
            }
            default -> { }
        }
        return literal;
    }

    private static boolean isNumber(String text, boolean integer) {
        try {
            BigDecimal number = new BigDecimal(text.trim());
            return !integer || number.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
