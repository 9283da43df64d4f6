package io.dbferry.introspect.mapping;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.translate.ExpressionScope;
import io.dbferry.introspect.translate.SqliteToPostgresTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps selected source tables, and views, onto a target schema through {@link CastRules}, a {@link TypeMapping} and
 * an {@link IdentifierPolicy}. A column's type comes from the first {@code column} cast rule naming it, else the
 * first {@code type} cast rule selecting it, else the type mapping.
 *
 * <p>Column defaults, CHECK constraints, index expressions and predicates, and view queries are translated by a
 * {@link SqliteToPostgresTranslator}; what cannot be translated is left out and listed in
 * {@link SchemaMapping#untranslatable()}. Indexes, constraints and views get names unique in the target
 * ({@link TargetNames}). Foreign keys to tables outside the selection are dropped with a note. Immutable and
 * thread-safe.
 */
public final class SchemaMapper {

    private final TypeMapping typeMapping;
    private final IdentifierPolicy identifiers;
    private final String targetSchema;
    private final CastRules castRules;
    private final SqliteToPostgresTranslator translator;

    /**
     * Creates a mapper without cast rules.
     *
     * @param typeMapping the type mapping, never null
     * @param identifiers the identifier policy, never null
     * @param targetSchema the target schema name, used verbatim, never null
     */
    public SchemaMapper(TypeMapping typeMapping, IdentifierPolicy identifiers, String targetSchema) {
        this(typeMapping, identifiers, targetSchema, CastRules.none());
    }

    /**
     * Creates a mapper.
     *
     * @param typeMapping the type mapping, never null
     * @param identifiers the identifier policy, never null
     * @param targetSchema the target schema name, used verbatim, never null
     * @param castRules the user's overrides of the type mapping, never null, possibly empty
     */
    public SchemaMapper(TypeMapping typeMapping, IdentifierPolicy identifiers, String targetSchema,
            CastRules castRules) {
        this.typeMapping = Objects.requireNonNull(typeMapping, "typeMapping");
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
        this.castRules = Objects.requireNonNull(castRules, "castRules");
        this.translator = new SqliteToPostgresTranslator(this::targetName, t -> typeMapping.map(t).dataType());
    }

    /**
     * Maps the given tables, without views.
     *
     * @param tables the source tables to migrate, never null
     * @return never null
     * @throws DbferryException as {@link #map(SchemaSnapshot, List)}
     */
    public SchemaMapping map(List<Table> tables) {
        return map(tables, List.of(), Set.of());
    }

    /**
     * Maps the selected tables of a source schema, and its views. A view reading a table that is not selected
     * is not carried over and is listed in {@link SchemaMapping#untranslatable()} with that reason.
     *
     * @param source the source schema as read, never null
     * @param selected the tables to migrate, from {@code source}, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#IDENTIFIER_COLLISION} when two tables, or two columns
     *     of one table, get the same target name; with {@link ErrorCode#INVALID_CAST_RULE} when a cast rule
     *     names a table or column ambiguously, or gives a rowid alias a type other than an integer type;
     *     with {@link ErrorCode#CAST_RULE_UNMATCHED} when a cast rule matches no column of these tables
     */
    public SchemaMapping map(SchemaSnapshot source, List<Table> selected) {
        Set<String> others = source.tables().stream().map(t -> t.id().name()).collect(Collectors.toCollection(HashSet::new));
        selected.forEach(t -> others.remove(t.id().name()));
        return map(selected, source.views(), others);
    }

    private SchemaMapping map(List<Table> tables, List<View> views, Set<String> otherTables) {
        List<String> notes = new ArrayList<>();
        List<UntranslatableObject> untranslatable = new ArrayList<>();
        List<RenamedObject> renamed = new ArrayList<>();
        TargetNames names = new TargetNames(targetSchema, renamed, notes);
        tableNames(tables).forEach((table, target) -> names.table(target));
        TableObjects objects = new TableObjects(translator, this::targetName, untranslatable, notes);
        CastMatcher casts = new CastMatcher(castRules, tables);
        Map<Table, List<MappedColumn>> columns = new LinkedHashMap<>();
        for (Table table : tables) {
            columns.put(table, columns(table, casts, objects));
        }
        casts.requireAllMatched();
        Set<String> selected = tables.stream().map(t -> t.id().name()).collect(Collectors.toSet());
        List<MappedTable> mapped = new ArrayList<>();
        columns.forEach((table, cols) -> mapped.add(new MappedTable(table, new TableId(targetSchema,
                targetName(table.id().name())), cols, null, List.of(), List.of(), List.of(), List.of())));
        Set<String> allTables = new HashSet<>(selected);
        allTables.addAll(otherTables);
        List<MappedView> mappedViews = new ViewMapper(translator, this::targetName, targetSchema, untranslatable, notes)
                .map(views, mapped, allTables, names);
        List<MappedTable> complete = mapped.stream().map(t -> complete(t, selected, names, objects, notes)).toList();
        return new SchemaMapping(targetSchema, complete, mappedViews, untranslatable, renamed, notes);
    }

    /** Each table's target name, checked to be unique. */
    private Map<Table, String> tableNames(List<Table> tables) {
        Map<String, String> seen = new HashMap<>();
        Map<Table, String> names = new LinkedHashMap<>();
        for (Table table : tables) {
            String target = targetName(table.id().name());
            String previous = seen.putIfAbsent(target, table.id().name());
            if (previous != null) {
                throw collision("tables \"" + previous + "\" and \"" + table.id().name() + "\"", target,
                        previous, table.id().name(), "ALTER TABLE \"" + table.id().name().replace("\"", "\"\"")
                                + "\" RENAME TO …", "--exclude " + table.id().name());
            }
            names.put(table, target);
        }
        return names;
    }

    /** The keys, CHECKs, foreign keys and indexes of a table whose columns are mapped. */
    private MappedTable complete(MappedTable table, Set<String> selected, TargetNames names, TableObjects objects,
            List<String> notes) {
        Table source = table.source();
        String name = table.target().name();
        PrimaryKey pk = source.primaryKey() == null ? null : new PrimaryKey(names.indexedConstraint(source.id().name(), name,
                constraintName(source.primaryKey().name(), name, List.of(), "pkey"), "the primary key of \""
                        + source.id().name() + "\""), names(source.primaryKey().columns()));
        List<UniqueKey> uniqueKeys = source.uniqueKeys().stream().map(u -> new UniqueKey(names.indexedConstraint(source.id().name(), name,
                constraintName(u.name(), name, names(u.columns()), "key"), "UNIQUE " + u.columns() + " of \""
                        + source.id().name() + "\""), names(u.columns()))).toList();
        ExpressionScope scope = TableObjects.scope(table.columns());
        List<CheckConstraint> checks = objects.checks(source, name, scope, names);
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : source.foreignKeys()) {
            if (!selected.contains(fk.referencedTable().name())) {
                notes.add("foreign key " + source.id().name() + fk.columns() + " → " + fk.referencedTable().name()
                        + " is not created: that table is not part of this migration");
                continue;
            }
            foreignKeys.add(new ForeignKey(names.constraint(source.id().name(), name, constraintName(fk.name(), name, names(fk.columns()),
                    "fkey"), "foreign key " + fk.columns() + " of \"" + source.id().name() + "\""),
                    names(fk.columns()), new TableId(targetSchema, targetName(fk.referencedTable().name())),
                    names(fk.referencedColumns()), fk.onDelete(), fk.onUpdate()));
        }
        List<Index> indexes = objects.indexes(source, scope, names);
        return new MappedTable(source, table.target(), table.columns(), pk, uniqueKeys, foreignKeys, indexes, checks);
    }

    private List<MappedColumn> columns(Table table, CastMatcher casts, TableObjects objects) {
        Map<String, String> seen = new HashMap<>();
        List<MappedColumn> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            String target = targetName(column.name());
            String previous = seen.putIfAbsent(target, column.name());
            if (previous != null) {
                throw collision("columns \"" + previous + "\" and \"" + column.name() + "\" of table \""
                        + table.id().name() + "\"", target, previous, column.name(), "ALTER TABLE \""
                        + table.id().name().replace("\"", "\"\"") + "\" RENAME COLUMN \""
                        + column.name().replace("\"", "\"\"") + "\" TO …", "--exclude " + table.id().name());
            }
            CastRule rule = casts.ruleFor(column);
            TargetType type = rule == null ? typeMapping.map(column) : rule.target();
            objects.noteCollation(table, column);
            columns.add(new MappedColumn(column, target, type, column.nullable(), column.identity(), rule,
                    objects.defaultOf(table, column, type)));
        }
        return columns;
    }

    /**
     * The name PostgreSQL will store: the identifier policy applied, then cut to 63 bytes (PostgreSQL docs
     * §4.1.1), so the model holds the names the target really has.
     */
    private String targetName(String sourceName) {
        return PostgresIdentifiers.truncate(identifiers.apply(sourceName));
    }

    private List<String> names(List<String> sourceNames) {
        return sourceNames.stream().map(this::targetName).toList();
    }

    private String constraintName(String declared, String table, List<String> columns, String suffix) {
        return declared != null ? targetName(declared) : conventionalName(table, columns, suffix);
    }

    /**
     * PostgreSQL's own name for an unnamed constraint, {@code table_columns_suffix}, shortened the way its
     * {@code makeObjectName()} does (src/backend/commands/indexcmds.c): the suffix stays whole and the longer of
     * the table and column parts gives up bytes first, so two long keys still get distinct names.
     *
     * @param table the table's target name
     * @param columns the columns' target names, possibly empty
     * @param suffix e.g. {@code pkey}, {@code key}, {@code fkey}, {@code check}
     * @return at most 63 bytes, never null
     */
    static String conventionalName(String table, List<String> columns, String suffix) {
        String tablePart = PostgresIdentifiers.truncate(table);
        String columnPart = String.join("_", columns.stream().map(PostgresIdentifiers::truncate).toList());
        int available = PostgresIdentifiers.MAX_BYTES - (columnPart.isEmpty() ? 0 : 1) - 1 - suffix.length();
        int tableBytes = PostgresIdentifiers.utf8Length(tablePart);
        int columnBytes = PostgresIdentifiers.utf8Length(columnPart);
        while (tableBytes + columnBytes > available) {
            if (tableBytes > columnBytes) {
                tableBytes--;
            } else {
                columnBytes--;
            }
        }
        String name = PostgresIdentifiers.truncate(tablePart, tableBytes);
        if (!columnPart.isEmpty()) {
            name += "_" + PostgresIdentifiers.truncate(columnPart, columnBytes);
        }
        return name + "_" + suffix;
    }

    /**
     * Two source names that would become one target name, refused before the target is touched, with the way
     * out: when they differ only in case, {@code --identifiers preserve}; otherwise (cut to 63 bytes) a rename
     * in the source, or leaving the table out.
     */
    private DbferryException collision(String what, String target, String first, String second, String rename,
            String exclude) {
        boolean caseOnly = first.toLowerCase(java.util.Locale.ROOT).equals(second.toLowerCase(java.util.Locale.ROOT));
        String fix = caseOnly
                ? "they differ only in case: use --identifiers preserve, or rename one in the source"
                : "PostgreSQL keeps only the first 63 bytes of a name: rename one in the source so that the first 63 "
                        + "bytes differ (on a copy, e.g. " + rename + "), or leave the table out with " + exclude;
        return new DbferryException(ErrorCode.IDENTIFIER_COLLISION, what + " both become \"" + target
                + "\" in the target (names are folded by --identifiers and cut to 63 bytes), so nothing was changed; "
                + fix + ". dbferry compare lists every such collision");
    }
}
