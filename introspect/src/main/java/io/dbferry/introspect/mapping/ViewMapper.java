package io.dbferry.introspect.mapping;

import io.dbferry.introspect.mapping.UntranslatableObject.Kind;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.sqlite.SqliteTokenizer;
import io.dbferry.introspect.sqlite.SqliteTokenizer.Token;
import io.dbferry.introspect.translate.ExpressionScope;
import io.dbferry.introspect.translate.ExpressionScope.ScopeColumn;
import io.dbferry.introspect.translate.SqliteToPostgresTranslator;
import io.dbferry.introspect.translate.Translated;
import io.dbferry.introspect.translate.Translation;
import io.dbferry.introspect.translate.Untranslatable;
import io.dbferry.introspect.translate.ValueKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Maps views: orders them so each comes after the views it reads (then by name), names them, and translates their
 * queries. A view that reads a table not being migrated, or a view not carried over, is not carried over either;
 * nor is one whose query cannot be translated. Each is reported.
 *
 * <p>Not thread-safe: one instance per {@link SchemaMapper#map} call.
 */
final class ViewMapper {

    private final SqliteToPostgresTranslator translator;
    private final UnaryOperator<String> targetName;
    private final String targetSchema;
    private final List<UntranslatableObject> untranslatable;
    private final List<String> notes;

    ViewMapper(SqliteToPostgresTranslator translator, UnaryOperator<String> targetName, String targetSchema,
            List<UntranslatableObject> untranslatable, List<String> notes) {
        this.translator = translator;
        this.targetName = targetName;
        this.targetSchema = targetSchema;
        this.untranslatable = untranslatable;
        this.notes = notes;
    }

    /**
     * Maps the views.
     *
     * @param views the source views, never null
     * @param tables the mapped tables of this migration, never null
     * @param allTables the names of every source table, migrated or not, never null
     * @param names the names handed out so far
     * @return the mapped views in dependency order, never null
     */
    List<MappedView> map(List<View> views, List<MappedTable> tables, Set<String> allTables, TargetNames names) {
        Map<String, MappedTable> tablesByName = new HashMap<>();
        tables.forEach(t -> tablesByName.put(folded(t.source().id().name()), t));
        Map<String, TableId> relations = new HashMap<>();
        tables.forEach(t -> relations.put(t.source().id().name(), t.target()));
        Set<String> otherNames = otherNames(views, tables);
        Set<String> sourceTables = new HashSet<>();
        allTables.forEach(t -> sourceTables.add(folded(t)));
        List<MappedView> mapped = new ArrayList<>();
        for (View view : dependencyOrder(views)) {
            String missing = missingDependency(view, tablesByName, relations, sourceTables);
            if (missing != null) {
                report(view, missing);
                continue;
            }
            TableId target = new TableId(targetSchema, names.relation(null, targetName.apply(view.name()),
                    "view \"" + view.name() + "\""));
            Translation translation = translator.translateView(view.sourceSql(), target,
                    ExpressionScope.ofView(columns(view, tablesByName), relations, otherNames));
            switch (translation) {
                case Translated t -> {
                    mapped.add(new MappedView(view, target, t.postgresSql()));
                    relations.put(view.name(), target);
                }
                case Untranslatable u -> report(view, u.reason());
            }
        }
        return mapped;
    }

    /** Why a view cannot be created: a relation it reads is not there; null when everything is. */
    private static String missingDependency(View view, Map<String, MappedTable> tables, Map<String, TableId> created,
            Set<String> sourceTables) {
        for (String dependency : view.dependsOn()) {
            if (tables.containsKey(folded(dependency)) || created.containsKey(dependency)) {
                continue;
            }
            return sourceTables.contains(folded(dependency))
                    ? "it reads table \"" + dependency + "\", which is not part of this migration"
                    : "it reads view \"" + dependency + "\", which is not carried over";
        }
        return null;
    }

    /** The columns of the tables a view reads; a name two tables type differently has kind OTHER. */
    private static Map<String, ScopeColumn> columns(View view, Map<String, MappedTable> tables) {
        Map<String, ScopeColumn> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String dependency : view.dependsOn()) {
            MappedTable table = tables.get(folded(dependency));
            if (table == null) {
                continue;
            }
            for (MappedColumn column : table.columns()) {
                ScopeColumn scope = new ScopeColumn(column.targetName(), column.targetType().type().valueKind());
                columns.merge(column.source().name(), scope, (a, b) -> a.kind() == b.kind() ? a
                        : new ScopeColumn(a.targetName(), ValueKind.OTHER));
            }
        }
        return columns;
    }

    /**
     * Every name a view's query may use as an identifier besides the columns of what it reads: the columns of every
     * table, and every alias of every view (the names next to {@code AS}, which are also the output columns other
     * views may name).
     */
    private static Set<String> otherNames(List<View> views, List<MappedTable> tables) {
        Set<String> names = new HashSet<>();
        tables.forEach(t -> t.columns().forEach(c -> names.add(c.source().name())));
        for (View view : views) {
            List<Token> tokens = SqliteTokenizer.tokenize(view.sourceSql());
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).is("AS")) {
                    if (i > 0 && tokens.get(i - 1).isName()) {
                        names.add(tokens.get(i - 1).value());
                    }
                    if (i + 1 < tokens.size() && tokens.get(i + 1).isName()) {
                        names.add(tokens.get(i + 1).value());
                    }
                }
            }
        }
        return names;
    }

    /**
     * The views, each after the views it reads, ties by name (Kahn's algorithm). Views in a cycle, which SQLite
     * accepts when they are created but not when they are queried, are reported and left out.
     */
    private List<View> dependencyOrder(List<View> views) {
        Map<String, View> remaining = new TreeMap<>();
        views.forEach(v -> remaining.put(v.name(), v));
        List<View> ordered = new ArrayList<>();
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (View view : List.copyOf(remaining.values())) {
                if (view.dependsOn().stream().noneMatch(d -> remaining.containsKey(d) && !d.equals(view.name()))) {
                    ordered.add(view);
                    remaining.remove(view.name());
                    progress = true;
                    break;
                }
            }
        }
        remaining.values().forEach(v -> report(v, "it reads itself through a cycle of views: "
                + String.join(", ", remaining.keySet())));
        return ordered;
    }

    private void report(View view, String reason) {
        UntranslatableObject object = new UntranslatableObject(Kind.VIEW, null, view.name(), view.sourceSql(), reason);
        untranslatable.add(object);
        notes.add(object.describe());
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
