package io.dbferry.introspect.postgres;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.postgres.JooqMetaGaps.CrossSchemaForeignKey;
import io.dbferry.introspect.postgres.JooqMetaGaps.UnmodelledIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * indexes that do not back a constraint. Views, materialized views and set-returning functions are left out,
 * views with a note. What jOOQ-meta 3.21 does not report is found in the catalogs ({@link JooqMetaGaps}) and
 * becomes a note: partial and expression indexes, foreign keys to other schemas. jOOQ-meta also hides the
 * {@code nextval(…)} default of a serial column; the column is read as an identity without a default.
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
            Set<String> unmodelledIndexes = noteUnmodelledIndexes(gaps.unmodelledIndexes());
            noteCrossSchemaForeignKeys(gaps.crossSchemaForeignKeys());
            List<Table> tables = new ArrayList<>();
            for (TableDefinition table : database.getTables(definition)) {
                if (isTable(table)) {
                    tables.add(table(table, unmodelledIndexes));
                }
            }
            tables.sort(Comparator.comparing(t -> t.id().name()));
            return new SchemaSnapshot(Dialect.POSTGRES, schema, tables, notes);
        }
    }

    private boolean isTable(TableDefinition table) {
        if (table.isTableValuedFunction()) {
            return false; // a set-returning function, listed by jOOQ-meta among the tables
        }
        if (table.isView() || table.isMaterializedView()) {
            notes.add("skipped " + (table.isView() ? "view" : "materialized view") + " \"" + table.getName()
                    + "\": only tables are read");
            return false;
        }
        if (table.getColumns().isEmpty()) {
            notes.add("skipped table \"" + table.getName() + "\": it has no columns");
            return false;
        }
        return true;
    }

    private Table table(TableDefinition table, Set<String> unmodelledIndexes) {
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
                indexes(table, unmodelledIndexes), false);
    }

    private static ForeignKey foreignKey(ForeignKeyDefinition key) {
        TableDefinition referenced = key.getReferencedTable();
        return new ForeignKey(key.getName(), names(key.getKeyColumns()),
                new TableId(referenced.getSchema().getName(), referenced.getName()), names(key.getReferencedColumns()),
                action(key.getDeleteRule()), action(key.getUpdateRule()));
    }

    private static List<Index> indexes(TableDefinition table, Set<String> unmodelled) {
        List<Index> indexes = new ArrayList<>();
        for (IndexDefinition index : table.getIndexes()) {
            List<ColumnDefinition> columns = index.getIndexColumns().stream()
                    .map(IndexColumnDefinition::getColumn).toList();
            if (!unmodelled.contains(index.getName()) && !columns.contains(null)) {
                indexes.add(new Index(index.getName(), names(columns), index.isUnique()));
            }
        }
        return indexes;
    }

    private Set<String> noteUnmodelledIndexes(List<UnmodelledIndex> indexes) {
        for (UnmodelledIndex index : indexes) {
            notes.add("index \"" + index.name() + "\" on \"" + index.table() + "\" is "
                    + (index.partial() ? "partial" : "on an expression") + " and is not read");
        }
        return indexes.stream().map(UnmodelledIndex::name).collect(Collectors.toSet());
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
