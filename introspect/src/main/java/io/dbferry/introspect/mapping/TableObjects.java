package io.dbferry.introspect.mapping;

import io.dbferry.introspect.mapping.UntranslatableObject.Kind;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.sqlite.SqliteTokenizer;
import io.dbferry.introspect.translate.ExpressionScope;
import io.dbferry.introspect.translate.ExpressionScope.ScopeColumn;
import io.dbferry.introspect.translate.SqliteToPostgresTranslator;
import io.dbferry.introspect.translate.Translated;
import io.dbferry.introspect.translate.Translation;
import io.dbferry.introspect.translate.Untranslatable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Translates the SQL of one table's CHECK constraints and indexes, and of its column defaults, collecting what
 * cannot be translated. Collations: a key on a {@code NOCASE} column (declared on the column or the key) keeps the
 * collation, and the DDL indexes {@code lower(column)} instead, which keeps a UNIQUE index case-insensitive and
 * serves {@code lower(column) = lower(?)} lookups (SQLite datatype3.html §7; PostgreSQL docs §11.7 "Indexes on
 * Expressions"); other collations ({@code RTRIM}, application-defined) have no PostgreSQL equal.
 *
 * <p>Not thread-safe: one instance per {@link SchemaMapper#map} call.
 */
final class TableObjects {

    private final SqliteToPostgresTranslator translator;
    private final UnaryOperator<String> targetName;
    private final List<UntranslatableObject> untranslatable;
    private final List<String> notes;

    TableObjects(SqliteToPostgresTranslator translator, UnaryOperator<String> targetName,
            List<UntranslatableObject> untranslatable, List<String> notes) {
        this.translator = translator;
        this.targetName = targetName;
        this.untranslatable = untranslatable;
        this.notes = notes;
    }

    /**
     * The scope of a table's expressions: its columns, with their target names and kinds.
     *
     * @param columns the mapped columns, never null
     * @return never null
     */
    static ExpressionScope scope(List<MappedColumn> columns) {
        Map<String, ScopeColumn> scope = new HashMap<>();
        columns.forEach(c -> scope.put(c.source().name(),
                new ScopeColumn(c.targetName(), c.targetType().type().valueKind())));
        return ExpressionScope.ofTable(scope);
    }

    /** The translated default of a column, or null (none, NULL, or untranslatable and reported). */
    String defaultOf(Table table, Column column, TargetType type) {
        if (column.defaultSql() == null || column.identity()) {
            return null;
        }
        String translated = translated(translator.translateDefault(column.defaultSql(), type.type().valueKind()),
                Kind.COLUMN_DEFAULT, table, column.name());
        return "null".equals(translated) ? null : translated;
    }

    /** Notes a column collation PostgreSQL does not apply. */
    void noteCollation(Table table, Column column) {
        if (column.collation() == null) {
            return;
        }
        String what = "column \"" + table.id().name() + "\".\"" + column.name() + "\" has COLLATE " + column.collation();
        notes.add(column.collation().equals("NOCASE")
                ? what + ": PostgreSQL compares it case-sensitively, so = and UNIQUE on it are case-sensitive there; "
                        + "indexes on it are created on lower(\"" + targetName.apply(column.name()) + "\")"
                : what + ", which PostgreSQL does not have; it compares byte-wise there");
    }

    /**
     * A table's CHECK constraints, translated and named.
     *
     * @param table the source table
     * @param target the table's target name
     * @param scope the table's expression scope
     * @param names the names handed out so far
     * @return the translated constraints, never null
     */
    List<CheckConstraint> checks(Table table, String target, ExpressionScope scope, TargetNames names) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint check : table.checks()) {
            String sql = translated(translator.translateCondition(check.sourceSql(), scope), Kind.CHECK_CONSTRAINT,
                    table, check.name());
            if (sql != null) {
                String name = check.name() != null ? targetName.apply(check.name())
                        : SchemaMapper.conventionalName(target, columnsNamed(table, check.sourceSql()), "check");
                checks.add(new CheckConstraint(names.constraint(table.id().name(), target, name, "CHECK constraint \"" + name + "\" of \""
                        + table.id().name() + "\""), sql));
            }
        }
        return checks;
    }

    /**
     * The one column a CHECK names, as PostgreSQL names an unnamed CHECK after it ({@code t_price_check}); empty when
     * it names none or several ({@code t_check}).
     */
    private List<String> columnsNamed(Table table, String sql) {
        Set<String> named = new LinkedHashSet<>();
        for (SqliteTokenizer.Token token : SqliteTokenizer.tokenize(sql)) {
            if (token.isName()) {
                table.columns().stream().filter(c -> c.name().equalsIgnoreCase(token.value()))
                        .forEach(c -> named.add(targetName.apply(c.name())));
            }
        }
        return named.size() == 1 ? List.copyOf(named) : List.of();
    }

    /**
     * A table's indexes with translated expressions and predicates and target names; an index with anything
     * untranslatable is left out and reported.
     *
     * @param table the source table
     * @param scope the table's expression scope
     * @param names the names handed out so far
     * @return never null
     */
    List<Index> indexes(Table table, ExpressionScope scope, TargetNames names) {
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            List<IndexPart> parts = new ArrayList<>();
            for (IndexPart part : index.parts()) {
                IndexPart mapped = part(table, index, part, scope);
                if (mapped == null) {
                    break;
                }
                parts.add(mapped);
            }
            String where = index.whereSql() == null ? null : translated(
                    translator.translateCondition(index.whereSql(), scope), Kind.INDEX, table, index.name());
            if (parts.size() == index.parts().size() && (where != null || index.whereSql() == null)) {
                String name = targetName.apply(index.name());
                indexes.add(new Index(names.relation(table.id().name(), name, "index \"" + index.name() + "\" of \"" + table.id().name()
                        + "\""), parts, index.unique(), where));
            }
        }
        return indexes;
    }

    private IndexPart part(Table table, Index index, IndexPart part, ExpressionScope scope) {
        if (part.column() == null) {
            String sql = translated(translator.translateExpression(part.expressionSql(), scope), Kind.INDEX, table,
                    index.name());
            return sql == null ? null : new IndexPart(null, sql, null, part.descending());
        }
        if (part.collation() != null && !part.collation().equals("NOCASE")) {
            report(new UntranslatableObject(Kind.INDEX, table.id().name(), index.name(), part.column() + " COLLATE "
                    + part.collation(), "the collation " + part.collation() + " has no PostgreSQL equal"));
            return null;
        }
        return new IndexPart(targetName.apply(part.column()), null, part.collation(), part.descending());
    }

    private String translated(Translation translation, Kind kind, Table table, String name) {
        return switch (translation) {
            case Translated t -> t.postgresSql();
            case Untranslatable u -> {
                report(new UntranslatableObject(kind, table.id().name(), name, u.originalSql(), u.reason()));
                yield null;
            }
        };
    }

    private void report(UntranslatableObject object) {
        untranslatable.add(object);
        notes.add(object.describe());
    }
}
