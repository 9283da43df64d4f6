package io.dbferry.introspect.mapping;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRule.ColumnSelector;
import io.dbferry.introspect.mapping.CastRule.SourceName;
import io.dbferry.introspect.mapping.CastRule.TypeSelector;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies cast rules to the columns of one mapping: picks the rule that decides each column's type and
 * remembers which rules selected any column, so that a rule matching nothing can be reported.
 *
 * <p>A {@code column} rule resolves its names once, against the tables being migrated. A {@code type} rule
 * selects every column declared with its type, except identity columns (rowid aliases) when its target is
 * not an integer type: {@code type integer to text} must not turn every {@code INTEGER PRIMARY KEY} into
 * text. Not thread-safe: one matcher per {@link SchemaMapper#map(List)} call.
 */
final class CastMatcher {

    /** The types an identity column may have (PostgreSQL docs, CREATE TABLE, GENERATED … AS IDENTITY). */
    private static final Set<PostgresType> IDENTITY_TYPES =
            EnumSet.of(PostgresType.SMALLINT, PostgresType.INTEGER, PostgresType.BIGINT);

    private final List<CastRule> rules;
    /** Per rule: the source column a {@code column} rule names, null when it names none (or is a type rule). */
    private final List<Column> resolved = new ArrayList<>();
    /** Per rule: why it matched nothing, should it never match; null for type rules (said at the end). */
    private final List<String> unresolved = new ArrayList<>();
    private final boolean[] matched;
    /** Per rule: whether a type rule left out an identity column of its declared type. */
    private final boolean[] identitySkipped;

    /**
     * Resolves the {@code column} rules against the tables being migrated.
     *
     * @param rules the cast rules, never null
     * @param tables the source tables being migrated, never null
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} when an unquoted name matches several
     *     tables or columns ignoring case and none exactly
     */
    CastMatcher(CastRules rules, List<Table> tables) {
        this.rules = rules.rules();
        this.matched = new boolean[this.rules.size()];
        this.identitySkipped = new boolean[this.rules.size()];
        for (CastRule rule : this.rules) {
            Column column = null;
            String why = null;
            if (rule.selector() instanceof ColumnSelector selector) {
                Table table = find(rule, selector.table(), tables, t -> t.id().name(), "tables");
                column = table == null ? null : find(rule, selector.column(), table.columns(), Column::name, "columns");
                why = table == null ? "no table " + selector.table() + " is being migrated"
                        : "table \"" + table.id().name() + "\" has no column " + selector.column();
            }
            resolved.add(column);
            unresolved.add(why);
        }
    }

    /**
     * The rule that decides a column's type: the first {@code column} rule naming it, else the first
     * {@code type} rule selecting it.
     *
     * @param column a column of one of the tables given to the constructor (the same instance), never null
     * @return the rule, null when none applies and the type mapping decides
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} when a {@code column} rule gives an
     *     identity column a type other than an integer type
     */
    CastRule ruleFor(Column column) {
        CastRule byColumn = null;
        CastRule byType = null;
        for (int i = 0; i < rules.size(); i++) {
            CastRule rule = rules.get(i);
            boolean selects = switch (rule.selector()) {
                case ColumnSelector c -> resolved.get(i) == column;
                case TypeSelector t -> t.matches(column.type()) && !skipsIdentity(i, column);
            };
            matched[i] |= selects;
            if (selects && rule.selector() instanceof ColumnSelector) {
                byColumn = byColumn == null ? requireIdentityFits(rule, column) : byColumn;
            } else if (selects) {
                byType = byType == null ? rule : byType;
            }
        }
        return byColumn != null ? byColumn : byType;
    }

    /** Whether type rule {@code i} leaves out an identity column, remembering it for the message. */
    private boolean skipsIdentity(int i, Column column) {
        boolean skips = column.identity() && !IDENTITY_TYPES.contains(rules.get(i).target().type());
        identitySkipped[i] |= skips;
        return skips;
    }

    /**
     * Checks every rule selected at least one column.
     *
     * @throws DbferryException with {@link ErrorCode#CAST_RULE_UNMATCHED} naming each rule that did not
     */
    void requireAllMatched() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!matched[i]) {
                String why = unresolved.get(i) != null ? unresolved.get(i) : undeclared(i);
                problems.add("cast rule \"" + rules.get(i).text() + "\" matched no column: " + why);
            }
        }
        if (!problems.isEmpty()) {
            throw new DbferryException(ErrorCode.CAST_RULE_UNMATCHED, String.join("; ", problems) + ". Correct or"
                    + " remove the rule: dbferry inspect SOURCE lists the tables, columns and declared types, and"
                    + " --tables/--exclude decide which tables are migrated");
        }
    }

    private String undeclared(int i) {
        return "no column being migrated is declared " + rules.get(i).selector() + (identitySkipped[i]
                ? " other than rowid aliases (INTEGER PRIMARY KEY), which a type rule only gives smallint, integer"
                        + " or bigint" : "");
    }

    private static CastRule requireIdentityFits(CastRule rule, Column column) {
        if (column.identity() && !IDENTITY_TYPES.contains(rule.target().type())) {
            throw new DbferryException(ErrorCode.INVALID_CAST_RULE, "invalid cast rule \"" + rule.text() + "\": \""
                    + column.name() + "\" is the table's rowid alias (INTEGER PRIMARY KEY), which becomes an identity"
                    + " column; give it smallint, integer or bigint, or leave it to the type mapping (bigint)");
        }
        return rule;
    }

    /** The one item named exactly, else the one named ignoring case; null when there is none. */
    private static <T> T find(CastRule rule, SourceName name, List<T> items, Function<T, String> nameOf,
            String what) {
        List<T> exact = items.stream().filter(t -> name.matchesExactly(nameOf.apply(t))).toList();
        if (!exact.isEmpty()) {
            return exact.getFirst();
        }
        List<T> folded = items.stream().filter(t -> name.matchesIgnoringCase(nameOf.apply(t))).toList();
        if (folded.size() > 1) {
            throw new DbferryException(ErrorCode.INVALID_CAST_RULE, "invalid cast rule \"" + rule.text() + "\": "
                    + name + " matches the " + what + " " + folded.stream().map(t -> '"' + nameOf.apply(t) + '"')
                    .toList() + " ignoring case; write the exact name in double quotes");
        }
        return folded.isEmpty() ? null : folded.getFirst();
    }
}
