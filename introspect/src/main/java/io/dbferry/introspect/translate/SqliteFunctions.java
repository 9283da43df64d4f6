package io.dbferry.introspect.translate;

import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.QueryPart;

/**
 * The functions jOOQ's parser does not know, by name: SQLite's date and time functions (renamed by
 * {@link SqliteSyntax}) are translated by {@link SqliteTimeFunction}; {@code likely}, {@code unlikely} and
 * {@code likelihood} (https://www.sqlite.org/lang_corefunc.html), which only hint the query planner, become their
 * argument; the JSON functions (renamed too) and the rest are untranslatable, with a reason for the common ones. Functions jOOQ does know (e.g.
 * {@code ifnull}, {@code substr}, {@code length}, {@code instr}, {@code group_concat}) never come here: jOOQ renders
 * them in PostgreSQL itself. Stateless.
 */
final class SqliteFunctions {

    private SqliteFunctions() {}

    /**
     * The translation of a call.
     *
     * @param name the function name as parsed, never null
     * @param arguments the arguments as parsed, never null
     * @return the replacement, never null
     * @throws NotTranslatable when there is no translation
     */
    static QueryPart translate(String name, List<? extends Field<?>> arguments) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SqliteSyntax.RENAMED_PREFIX)) {
            String renamed = lower.substring(SqliteSyntax.RENAMED_PREFIX.length());
            return renamed.startsWith("json") ? json(renamed) : SqliteTimeFunction.call(renamed, arguments).value();
        }
        if ((lower.equals("likely") || lower.equals("unlikely")) && arguments.size() == 1
                || lower.equals("likelihood") && arguments.size() == 2) {
            return arguments.get(0);
        }
        throw new NotTranslatable(reason(lower));
    }

    private static QueryPart json(String name) {
        throw new NotTranslatable(name + "() is SQLite's JSON (json1.html), with JSON paths such as '$.a'; "
                + "PostgreSQL's jsonb functions and operators differ");
    }

    private static String reason(String name) {
        if (name.equals("typeof")) {
            return "typeof() tests SQLite's storage class of a value; a PostgreSQL column has one type, which already "
                    + "enforces it";
        }
        if (name.equals("printf") || name.equals("format")) {
            return name + "() takes C printf formats; PostgreSQL's format() does not";
        }
        if (name.equals("regexp")) {
            return "regexp() is an application-defined function in SQLite";
        }
        return "the SQLite function " + name + "() has no PostgreSQL translation";
    }
}
