package io.dbferry.introspect.postgres;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.postgres.JooqMetaGaps.CatalogCheck;
import io.dbferry.introspect.postgres.JooqMetaGaps.CatalogView;
import io.dbferry.introspect.postgres.JooqMetaGaps.CrossSchemaForeignKey;
import io.dbferry.introspect.postgres.JooqMetaGaps.UnmodelledIndexKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Log;
import org.jooq.impl.QOM.ForeignKeyRule;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.DataTypeDefinition;
import org.jooq.meta.Definition;
import org.jooq.meta.ForeignKeyDefinition;
import org.jooq.meta.IndexColumnDefinition;
import org.jooq.meta.IndexDefinition;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.UniqueKeyDefinition;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.postgres.PostgresDatabase;
import org.jooq.tools.JooqLogger;

/**
 * Reads one schema of a PostgreSQL database into a {@link SchemaSnapshot} through jOOQ-meta's
 * {@code PostgresDatabase}.
 *
 * <p>Tables come with their columns (type as PostgreSQL spells it, see {@link PostgresColumnTypes}),
 * identity and serial columns, primary key, UNIQUE constraints, foreign keys with their actions, and the
 * indexes that do not back a constraint. What jOOQ-meta 3.21 does not report is read from the catalogs
 * ({@link JooqMetaGaps}): partial and expression indexes, CHECK constraints, and views with the relations they
 * read. Foreign keys to other schemas are left out with a note, as are materialized views; set-returning
 * functions silently. jOOQ-meta also hides the {@code nextval(…)} default of a serial column; the column is read as
 * an identity without a default. SQL texts (defaults, CHECKs, index expressions and predicates, view queries) are
 * as PostgreSQL prints them.
 *
 * <p>Never writes to the database. Not thread-safe; the connection is owned by the caller.
 */
public final class PostgresSchemaReader {

    private final Connection connection;
    private final String schema;
    private final List<String> notes = new ArrayList<>();

    private PostgresSchemaReader(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * Reads the schema.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the exact (case-sensitive) schema name, e.g. {@code "public"}, never null
     * @return the snapshot with tables ordered by name, never null; empty when the schema does not exist,
     *     as for a fresh target
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} naming the schema when the
     *     catalogs cannot be read
     */
    public static SchemaSnapshot read(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        try {
            return new PostgresSchemaReader(connection, schema).read();
        } catch (DbferryException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            // jOOQ-meta wraps its DataAccessException in a RuntimeException; the innermost cause says what failed.
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed reading PostgreSQL schema \"" + schema
                    + "\": " + rootMessage(e), e);
        }
    }

    private SchemaSnapshot read() throws SQLException {
        // jOOQ-meta logs what it cannot read at WARN/ERROR; failures reach us as exceptions (OnError.FAIL).
        JooqLogger.globalThreshold(Log.Level.FATAL);
        try (PostgresDatabase database = new PostgresDatabase()) {
            database.setConnection(connection);
            database.setOnError(OnError.FAIL);
            // Without a configured input schema, PostgresDatabase reads no schemata at all.
            database.setConfiguredSchemata(List.of(new SchemaMappingType().withInputSchema(schema)));
            SchemaDefinition definition = database.getSchema(schema);
            if (definition == null) {
                return new SchemaSnapshot(Dialect.POSTGRES, schema, List.of(), List.of());
            }
            JooqMetaGaps gaps = new JooqMetaGaps(connection, schema);
            Map<String, List<Index>> unmodelledIndexes = unmodelledIndexes(gaps.unmodelledIndexKeys());
            Map<String, List<CheckConstraint>> checks = gaps.checks().stream().collect(Collectors.groupingBy(
                    CatalogCheck::table, Collectors.mapping(c -> new CheckConstraint(c.name(), c.expression()),
                            Collectors.toList())));
            noteCrossSchemaForeignKeys(gaps.crossSchemaForeignKeys());
            List<Table> tables = new ArrayList<>();
            for (TableDefinition table : database.getTables(definition)) {
                if (isTable(table)) {
                    tables.add(table(table, unmodelledIndexes, checks.getOrDefault(table.getName(), List.of())));
                }
            }
            tables.sort(Comparator.comparing(t -> t.id().name()));
            return new SchemaSnapshot(Dialect.POSTGRES, schema, tables, views(gaps.views()), notes);
        }
    }

    private boolean isTable(TableDefinition table) {
        if (table.isTableValuedFunction()) {
            return false; // a set-returning function, listed by jOOQ-meta among the tables
        }
        if (table.isView()) {
            return false; // read from the catalog, see views()
        }
        if (table.isMaterializedView()) {
            notes.add("skipped materialized view \"" + table.getName() + "\": only tables and views are read");
            return false;
        }
        if (table.getColumns().isEmpty()) {
            notes.add("skipped table \"" + table.getName() + "\": it has no columns");
            return false;
        }
        return true;
    }

    private Table table(TableDefinition table, Map<String, List<Index>> unmodelledIndexes, List<CheckConstraint> checks) {
        List<Column> columns = new ArrayList<>();
        for (ColumnDefinition column : table.getColumns()) {
            DataTypeDefinition type = column.getType();
            // Renumbered: a dropped column leaves a gap in PostgreSQL's attnum.
            columns.add(new Column(column.getName(), columns.size() + 1, PostgresColumnTypes.of(type),
                    type.isNullable(), type.getDefaultValue(), type.isIdentity(), false));
        }
        UniqueKeyDefinition pk = table.getPrimaryKey();
        return new Table(new TableId(schema, table.getName()), columns,
                pk == null ? null : new PrimaryKey(pk.getName(), names(pk.getKeyColumns())),
                table.getUniqueKeys().stream().map(u -> new UniqueKey(u.getName(), names(u.getKeyColumns()))).toList(),
                table.getForeignKeys().stream().map(PostgresSchemaReader::foreignKey).toList(),
                indexes(table, unmodelledIndexes), checks, false);
    }

    private static ForeignKey foreignKey(ForeignKeyDefinition key) {
        TableDefinition referenced = key.getReferencedTable();
        return new ForeignKey(key.getName(), names(key.getKeyColumns()),
                new TableId(referenced.getSchema().getName(), referenced.getName()), names(key.getReferencedColumns()),
                action(key.getDeleteRule()), action(key.getUpdateRule()));
    }

    private static List<Index> indexes(TableDefinition table, Map<String, List<Index>> unmodelled) {
        Set<String> unmodelledNames = unmodelled.values().stream().flatMap(List::stream).map(Index::name)
                .collect(Collectors.toSet());
        List<Index> indexes = new ArrayList<>();
        for (IndexDefinition index : table.getIndexes()) {
            List<ColumnDefinition> columns = index.getIndexColumns().stream()
                    .map(IndexColumnDefinition::getColumn).toList();
            if (!unmodelledNames.contains(index.getName()) && !columns.contains(null)) {
                indexes.add(new Index(index.getName(), names(columns), index.isUnique()));
            }
        }
        indexes.addAll(unmodelled.getOrDefault(table.getName(), List.of()));
        return indexes;
    }

    /** The partial and expression indexes by table name, their keys folded together. */
    private static Map<String, List<Index>> unmodelledIndexes(List<UnmodelledIndexKey> keys) {
        Map<String, List<UnmodelledIndexKey>> byIndex = keys.stream().collect(Collectors.groupingBy(
                k -> k.table() + '\u0000' + k.index(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Index>> byTable = new HashMap<>();
        for (List<UnmodelledIndexKey> index : byIndex.values()) {
            UnmodelledIndexKey first = index.get(0);
            List<IndexPart> parts = index.stream()
                    .map(k -> new IndexPart(k.column(), k.expression(), null, k.descending())).toList();
            byTable.computeIfAbsent(first.table(), t -> new ArrayList<>())
                    .add(new Index(first.index(), parts, first.unique(), first.predicate()));
        }
        return byTable;
    }

    private static List<View> views(List<CatalogView> rows) {
        Map<String, List<CatalogView>> byName = rows.stream().collect(Collectors.groupingBy(CatalogView::name,
                LinkedHashMap::new, Collectors.toList()));
        return byName.values().stream().map(v -> new View(v.get(0).name(), v.get(0).query(),
                v.stream().map(CatalogView::dependsOn).filter(Objects::nonNull).sorted().toList())).toList();
    }

    private void noteCrossSchemaForeignKeys(List<CrossSchemaForeignKey> keys) {
        for (CrossSchemaForeignKey key : keys) {
            notes.add("foreign key \"" + key.name() + "\" of \"" + key.table() + "\" references \""
                    + key.referencedSchema() + "\".\"" + key.referencedTable()
                    + "\" in another schema and is not read");
        }
    }

    private static ReferentialAction action(ForeignKeyRule rule) {
        if (rule == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (rule) {
            case NO_ACTION -> ReferentialAction.NO_ACTION;
            case RESTRICT -> ReferentialAction.RESTRICT;
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
        };
    }

    private static List<String> names(List<? extends Definition> definitions) {
        return definitions.stream().map(Definition::getName).toList();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
