package io.dbferry.introspect.mapping;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps selected source tables onto a target schema through {@link CastRules}, a {@link TypeMapping} and an
 * {@link IdentifierPolicy}. A column's type comes from the first {@code column} cast rule naming it, else
 * the first {@code type} cast rule selecting it, else the type mapping.
 *
 * <p>Column defaults are not carried over yet (SQLite defaults such as {@code datetime('now')} need
 * translating); each one is reported as a note. Foreign keys to tables outside the selection are dropped
 * with a note. Immutable and thread-safe.
 */
public final class SchemaMapper {


    private final TypeMapping typeMapping;
    private final IdentifierPolicy identifiers;
    private final String targetSchema;
    private final CastRules castRules;

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
    }

    /**
     * Maps the given tables.
     *
     * @param tables the source tables to migrate, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#IDENTIFIER_COLLISION} when two tables, or two columns
     *     of one table, get the same target name; with {@link ErrorCode#INVALID_CAST_RULE} when a cast rule
     *     names a table or column ambiguously, or gives a rowid alias a type other than an integer type;
     *     with {@link ErrorCode#CAST_RULE_UNMATCHED} when a cast rule matches no column of these tables
     */
    public SchemaMapping map(List<Table> tables) {
        Map<String, String> targetNames = new HashMap<>();
        for (Table table : tables) {
            String target = targetName(table.id().name());
            String previous = targetNames.putIfAbsent(target, table.id().name());
            if (previous != null) {
                throw collision("tables \"" + previous + "\" and \"" + table.id().name() + "\"", target);
            }
        }
        Map<String, Table> selected = new HashMap<>();
        tables.forEach(t -> selected.put(t.id().name(), t));
        List<String> notes = new ArrayList<>();
        List<MappedTable> mapped = new ArrayList<>();
        CastMatcher casts = new CastMatcher(castRules, tables);
        for (Table table : tables) {
            mapped.add(map(table, selected, notes, casts));
        }
        casts.requireAllMatched();
        return new SchemaMapping(targetSchema, mapped, notes);
    }

    private MappedTable map(Table table, Map<String, Table> selected, List<String> notes, CastMatcher casts) {
        String name = targetName(table.id().name());
        List<MappedColumn> columns = columns(table, notes, casts);
        PrimaryKey pk = table.primaryKey() == null ? null : new PrimaryKey(
                constraintName(table.primaryKey().name(), name, List.of(), "pkey"), names(table.primaryKey().columns()));
        List<UniqueKey> uniqueKeys = table.uniqueKeys().stream().map(u -> new UniqueKey(
                constraintName(u.name(), name, names(u.columns()), "key"), names(u.columns()))).toList();
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (!index.isPlain()) {
                notes.add("index \"" + index.name() + "\" on \"" + table.id().name()
                        + "\" is partial, on an expression or collated and is not migrated yet");
                continue;
            }
            indexes.add(new Index(targetName(index.name()), names(index.columns()), index.unique()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!selected.containsKey(fk.referencedTable().name())) {
                notes.add("foreign key " + table.id().name() + fk.columns() + " → " + fk.referencedTable().name()
                        + " is not created: that table is not part of this migration");
                continue;
            }
            foreignKeys.add(new ForeignKey(constraintName(fk.name(), name, names(fk.columns()), "fkey"),
                    names(fk.columns()), new TableId(targetSchema, targetName(fk.referencedTable().name())),
                    names(fk.referencedColumns()), fk.onDelete(), fk.onUpdate()));
        }
        return new MappedTable(table, new TableId(targetSchema, name), columns, pk, uniqueKeys, foreignKeys, indexes);
    }

    private List<MappedColumn> columns(Table table, List<String> notes, CastMatcher casts) {
        Map<String, String> seen = new HashMap<>();
        List<MappedColumn> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            String target = targetName(column.name());
            String previous = seen.putIfAbsent(target, column.name());
            if (previous != null) {
                throw collision("columns \"" + previous + "\" and \"" + column.name() + "\" of table \""
                        + table.id().name() + "\"", target);
            }
            if (column.defaultSql() != null && !column.identity()) {
                notes.add("default of " + table.id().name() + "." + column.name() + " (" + column.defaultSql()
                        + ") is not carried over yet; the column is created without a default");
            }
            CastRule rule = casts.ruleFor(column);
            TargetType type = rule == null ? typeMapping.map(column) : rule.target();
            columns.add(new MappedColumn(column, target, type, column.nullable(), column.identity(), rule));
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
        if (declared != null) {
            return targetName(declared);
        }
        // PostgreSQL's own convention for unnamed constraints, table_columns_suffix, shortened the way its
        // makeObjectName() does (src/backend/commands/indexcmds.c): the suffix stays whole and the longer of
        // the table and column parts gives up bytes first, so two long keys still get distinct names.
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

    private static DbferryException collision(String what, String target) {
        return new DbferryException(ErrorCode.IDENTIFIER_COLLISION, what + " both become \"" + target
                + "\" in the target (names are folded by --identifiers and cut to 63 bytes); rename one in the "
                + "source, or use --identifiers preserve if they differ only in case. dbferry compare lists every "
                + "such collision");
    }
}
