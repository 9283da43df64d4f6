package io.dbferry.introspect.translate;

import io.dbferry.introspect.sqlite.SqliteTokenizer;
import io.dbferry.introspect.sqlite.SqliteTokenizer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites the SQLite syntax jOOQ's parser reads wrongly or not at all into syntax it reads as something this
 * package recognises, before parsing. Stateless.
 *
 * <ul>
 *   <li>The date and time functions (https://www.sqlite.org/lang_datefunc.html) are renamed
 *       {@code dbferry_sqlite_<name>}: jOOQ reads {@code date(x)} and {@code time(x)} as casts, which turns
 *       {@code date('now')} into {@code cast('now' as date)} — evaluated once, when the DDL runs — and rejects them
 *       with modifiers ({@code date('now', 'localtime')}); the others it does not know.</li>
 *   <li>The JSON functions (https://www.sqlite.org/json1.html) are renamed the same way: jOOQ translates some of
 *       them into SQL/JSON that PostgreSQL 15 does not have ({@code json_valid(x)} → {@code x is json}), and their
 *       JSON path arguments ({@code '$.a'}) mean nothing to PostgreSQL's jsonb operators.</li>
 *   <li>The {@code GLOB} operator (https://www.sqlite.org/lang_expr.html §8) becomes {@code SIMILAR TO}, which
 *       SQLite does not have, so every SIMILAR TO in the parsed tree is a GLOB.</li>
 * </ul>
 */
final class SqliteSyntax {

    /** The prefix of the renamed functions. */
    static final String RENAMED_PREFIX = "dbferry_sqlite_";

    private static final Set<String> RENAMED = Set.of("date", "time", "datetime", "julianday", "unixepoch",
            "strftime", "timediff", "json", "jsonb", "json_array", "json_array_length", "json_extract", "jsonb_extract",
            "json_insert", "json_object", "json_patch", "json_remove", "json_replace", "json_set", "json_type",
            "json_valid", "json_quote", "json_group_array", "json_group_object", "json_each", "json_tree",
            "json_error_position", "json_pretty");

    private SqliteSyntax() {}

    /**
     * The SQL with the rewrites above, everything else untouched.
     *
     * @param sql SQLite SQL, never null
     * @return never null
     */
    static String prepare(String sql) {
        List<Token> tokens = SqliteTokenizer.tokenize(sql);
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String replacement = null;
            String lower = token.value().toLowerCase(Locale.ROOT);
            if (token.kind() == SqliteTokenizer.Kind.WORD && RENAMED.contains(lower) && i + 1 < tokens.size()
                    && tokens.get(i + 1).is('(')) {
                replacement = RENAMED_PREFIX + lower;
            } else if (token.is("GLOB")) {
                replacement = "SIMILAR TO";
            }
            if (replacement != null) {
                out.append(sql, copied, token.start()).append(replacement);
                copied = token.end();
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }
}
