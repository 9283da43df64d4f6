package io.dbferry.introspect.translate;

import io.dbferry.introspect.model.TableId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an expression may name, and what each name becomes in the target: the columns of its table (or, for a view,
 * of the relations it reads) with their target names and value kinds, and the relations a view reads with their
 * target tables. SQLite names are case-insensitive (https://www.sqlite.org/lang_keywords.html), so lookups ignore
 * case and a name is rendered in its declared spelling. Immutable and thread-safe.
 */
public final class ExpressionScope {

    /**
     * A column an expression can name.
     *
     * @param targetName the column's target name, never null
     * @param kind the family of its target type, never null
     */
    public record ScopeColumn(String targetName, ValueKind kind) {

        /** Validates the parts. */
        public ScopeColumn {
            Objects.requireNonNull(targetName, "targetName");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private static final ExpressionScope EMPTY = new ExpressionScope(Map.of(), Map.of(), Set.of());

    private final Map<String, ScopeColumn> columns;
    private final Map<String, TableId> relations;
    private final Set<String> otherNames;

    private ExpressionScope(Map<String, ScopeColumn> columns, Map<String, TableId> relations, Set<String> otherNames) {
        this.columns = Map.copyOf(columns);
        this.relations = Map.copyOf(relations);
        this.otherNames = otherNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A scope that names nothing, as for a column default.
     *
     * @return never null
     */
    public static ExpressionScope empty() {
        return EMPTY;
    }

    /**
     * The scope of a CHECK constraint or index of one table: its columns. A double-quoted name that is none of them
     * is a string literal, as SQLite reads it (https://www.sqlite.org/quirks.html §8).
     *
     * @param columns each source column name with its target column, never null
     * @return never null
     */
    public static ExpressionScope ofTable(Map<String, ScopeColumn> columns) {
        return new ExpressionScope(lowerCaseKeys(columns), Map.of(), Set.of());
    }

    /**
     * The scope of a view's query: the columns of the relations it reads and those relations. Give a column name
     * that two relations use with different kinds the kind {@link ValueKind#OTHER}. A double-quoted name is a string
     * literal only when it is none of these and none of {@code otherNames}: the query may name the output columns
     * of another view, or aliases, which only its text shows.
     *
     * @param columns each source column name with its target column, never null
     * @param relations each source table or view name with its target table or view, never null
     * @param otherNames every other name a query may use as an identifier (every column of the source schema, every
     *     alias of its views), any case; never null
     * @return never null
     */
    public static ExpressionScope ofView(Map<String, ScopeColumn> columns, Map<String, TableId> relations,
            Set<String> otherNames) {
        return new ExpressionScope(lowerCaseKeys(columns), lowerCaseKeys(relations), otherNames);
    }

    /**
     * The column a name refers to.
     *
     * @param name a column name in any case, never null
     * @return null when the scope has no such column
     */
    public ScopeColumn column(String name) {
        return columns.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The target of a relation a name refers to.
     *
     * @param name a table or view name in any case, never null
     * @return null when the scope has no such relation
     */
    public TableId relation(String name) {
        return relations.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether every name is a string literal, as in a column default, where SQLite reads {@code DEFAULT abc} and
     * {@code DEFAULT "abc"} as the text {@code abc} (lang_createtable.html §3.2).
     *
     * @return true for {@link #empty()}
     */
    public boolean namesAreStrings() {
        return columns.isEmpty() && relations.isEmpty() && otherNames.isEmpty();
    }

    /**
     * Whether a double-quoted name is a string literal here because it names nothing (quirks.html §8).
     *
     * @param name the name without its quotes, never null
     * @return true when it is no column, relation or other name of this scope
     */
    public boolean isString(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !columns.containsKey(lower) && !relations.containsKey(lower) && !otherNames.contains(lower);
    }

    private static <V> Map<String, V> lowerCaseKeys(Map<String, V> map) {
        Map<String, V> lower = new HashMap<>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
