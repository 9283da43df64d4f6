package io.dbferry.introspect.sqlite;

import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.sqlite.SqliteTokenizer.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what SQLite's catalog does not report out of the CREATE statements it keeps in {@code sqlite_schema.sql}:
 * CHECK constraints and column collations (https://www.sqlite.org/lang_createtable.html), the key expressions and
 * {@code WHERE} predicate of an index (https://www.sqlite.org/lang_createindex.html), and the relations a view reads
 * (https://www.sqlite.org/lang_createview.html).
 *
 * <p>It works on {@link SqliteTokenizer} tokens rather than jOOQ's parser because what it returns is the original
 * text, cut out verbatim, and because jOOQ 3.21's parser rejects valid SQLite tables (UNSIGNED types, generated
 * columns, {@code date('now', 'localtime')} defaults; see {@code JooqMetaSqliteFactsTest}). The text is translated
 * later, with jOOQ's parser, by {@code translate.SqliteToPostgresTranslator}. Stateless.
 */
final class SqliteDdlScanner {

    /** Words that start a table constraint rather than a column definition (lang_createtable.html, table-constraint). */
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** Words that start a column constraint, ending the name a preceding {@code CONSTRAINT name} gave. */
    private static final Set<String> COLUMN_CONSTRAINTS = Set.of("PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
            "COLLATE", "REFERENCES", "GENERATED", "AS");

    /**
     * The CHECK constraints and column collations of a table.
     *
     * @param checks in declaration order, column-level and table-level mixed as written; never null
     * @param collations the collation of each column that declares one, keyed by the column name in lower case
     *     (SQLite names are case-insensitive); never null
     */
    record TableDefinition(List<CheckConstraint> checks, Map<String, String> collations) {}

    /**
     * The text of an index's keys and its predicate.
     *
     * @param keys the text of each key without its {@code COLLATE} and {@code ASC}/{@code DESC}, in order; never null
     * @param where the predicate without {@code WHERE}, null when the index is over every row
     */
    record IndexDefinition(List<String> keys, String where) {}

    private SqliteDdlScanner() {}

    /**
     * Scans a {@code CREATE TABLE} statement.
     *
     * @param sql the statement as {@code sqlite_schema} keeps it, never null
     * @return never null; empty when the statement has no column list (e.g. {@code CREATE TABLE … AS SELECT})
     */
    static TableDefinition table(String sql) {
        List<Token> tokens = SqliteTokenizer.tokenize(sql);
        int open = indexOf(tokens, 0, '(');
        List<CheckConstraint> checks = new ArrayList<>();
        Map<String, String> collations = new HashMap<>();
        if (open < 0 || precededByAs(tokens, open)) {
            return new TableDefinition(checks, collations);
        }
        for (int[] element : SqliteTokenizer.splitAtCommas(tokens, open + 1, SqliteTokenizer.closing(tokens, open))) {
            if (element[0] >= element[1]) {
                continue;
            }
            Token first = tokens.get(element[0]);
            boolean column = !(first.kind() == SqliteTokenizer.Kind.WORD
                    && TABLE_CONSTRAINTS.contains(first.value().toUpperCase(Locale.ROOT)));
            String collation = constraints(sql, tokens, column ? element[0] + 1 : element[0], element[1], checks);
            if (column && collation != null) {
                collations.put(first.value().toLowerCase(Locale.ROOT), collation);
            }
        }
        return new TableDefinition(checks, collations);
    }

    /** Collects the CHECKs of one element and returns its {@code COLLATE} name, or null when it has none. */
    private static String constraints(String sql, List<Token> tokens, int from, int to, List<CheckConstraint> checks) {
        String pendingName = null;
        String collation = null;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.is('(')) {
                i = SqliteTokenizer.closing(tokens, i);
            } else if (token.is("CONSTRAINT") && i + 1 < to) {
                pendingName = tokens.get(++i).value();
            } else if (token.is("CHECK") && i + 1 < to && tokens.get(i + 1).is('(')) {
                int close = SqliteTokenizer.closing(tokens, i + 1);
                checks.add(new CheckConstraint(pendingName, SqliteTokenizer.text(sql, tokens, i + 2, close)));
                pendingName = null;
                i = close;
            } else if (token.is("COLLATE") && i + 1 < to) {
                collation = tokens.get(++i).value();
                pendingName = null;
            } else if (token.kind() == SqliteTokenizer.Kind.WORD
                    && COLUMN_CONSTRAINTS.contains(token.value().toUpperCase(Locale.ROOT))) {
                pendingName = null;
            }
        }
        return collation;
    }

    /**
     * Scans a {@code CREATE INDEX} statement.
     *
     * @param sql the statement as {@code sqlite_schema} keeps it, never null
     * @return never null; no keys when the statement has no key list
     */
    static IndexDefinition index(String sql) {
        List<Token> tokens = SqliteTokenizer.tokenize(sql);
        int on = 0;
        while (on < tokens.size() && !tokens.get(on).is("ON")) {
            on++;
        }
        int open = indexOf(tokens, on, '(');
        if (open < 0) {
            return new IndexDefinition(List.of(), null);
        }
        int close = SqliteTokenizer.closing(tokens, open);
        List<String> keys = new ArrayList<>();
        for (int[] key : SqliteTokenizer.splitAtCommas(tokens, open + 1, close)) {
            keys.add(SqliteTokenizer.text(sql, tokens, key[0], keyEnd(tokens, key[0], key[1])));
        }
        String where = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
            where = SqliteTokenizer.text(sql, tokens, close + 2, tokens.size());
        }
        return new IndexDefinition(keys, where);
    }

    /** The end of a key's expression: before a trailing {@code ASC}/{@code DESC} and {@code COLLATE name}. */
    private static int keyEnd(List<Token> tokens, int from, int to) {
        int end = to;
        if (end > from && (tokens.get(end - 1).is("ASC") || tokens.get(end - 1).is("DESC"))) {
            end--;
        }
        if (end - 2 > from && tokens.get(end - 2).is("COLLATE")) {
            end -= 2;
        }
        return end;
    }

    /**
     * The tables and views a {@code CREATE VIEW} statement's query names: every name after its {@code AS} that
     * spells one of {@code relations}, in any case. A column or alias spelled like a relation counts too, which can
     * only add an ordering constraint, never lose one.
     *
     * @param sql the statement as {@code sqlite_schema} keeps it, never null
     * @param view the view's own name, never counted
     * @param relations the names of the schema's tables and views, exact spelling, never null
     * @return the exact spellings from {@code relations}, sorted; never null
     */
    static List<String> viewDependencies(String sql, String view, Collection<String> relations) {
        Map<String, String> byLowerName = new HashMap<>();
        relations.forEach(r -> byLowerName.put(r.toLowerCase(Locale.ROOT), r));
        byLowerName.remove(view.toLowerCase(Locale.ROOT));
        List<Token> tokens = SqliteTokenizer.tokenize(sql);
        int as = 0;
        while (as < tokens.size() && !tokens.get(as).is("AS")) {
            as++;
        }
        Set<String> dependencies = new TreeSet<>();
        for (int i = as + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String relation = token.isName() ? byLowerName.get(token.value().toLowerCase(Locale.ROOT)) : null;
            if (relation != null) {
                dependencies.add(relation);
            }
        }
        return List.copyOf(dependencies);
    }

    private static int indexOf(List<Token> tokens, int from, char c) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean precededByAs(List<Token> tokens, int index) {
        return index > 0 && tokens.get(index - 1).is("AS");
    }
}
