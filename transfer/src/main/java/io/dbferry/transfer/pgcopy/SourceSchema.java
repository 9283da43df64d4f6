package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.postgres.CatalogTable;
import io.dbferry.introspect.postgres.PostgresDefinitionReader;
import io.dbferry.introspect.postgres.PostgresDefinitions;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.transfer.pipeline.TableSelection;
import java.sql.Connection;
import java.util.List;

/**
 * The source schema as a copy needs it: the model snapshot (tables, keys, foreign keys, views, notes), the exact
 * definitions, and the selected tables paired with their targets.
 *
 * @param snapshot the schema model, never null
 * @param definitions the exact definitions, never null
 * @param tables the selected tables in name order, never null, possibly empty
 */
record SourceSchema(SchemaSnapshot snapshot, PostgresDefinitions definitions, List<CopyTable> tables) {

    SourceSchema {
        tables = List.copyOf(tables);
    }

    /**
     * Reads the source schema and selects the tables.
     *
     * @param connection a source session whose {@code search_path} is the source schema alone, never null
     * @param options the schemas and table selection, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#NOT_FOUND} when the source schema has no tables,
     *     {@link ErrorCode#INVALID_OPTION} when {@code tables} or {@code exclude} name an unknown table or a
     *     selected table is partitioned or a partition, or
     *     {@link ErrorCode#SCHEMA_READ_FAILED}
     */
    static SourceSchema read(Connection connection, PostgresCopyOptions options) {
        SchemaSnapshot snapshot = PostgresSchemaReader.read(connection, options.sourceSchema());
        if (snapshot.tables().isEmpty()) {
            throw new DbferryException(ErrorCode.NOT_FOUND, "source schema \"" + options.sourceSchema()
                    + "\" has no tables (or does not exist); check --source-schema");
        }
        PostgresDefinitions definitions = PostgresDefinitionReader.read(connection, options.sourceSchema());
        List<CopyTable> tables = TableSelection.select(snapshot, options.selection()).stream()
                .map(t -> new CopyTable(t, definition(definitions, t),
                        new TableId(options.targetSchema(), t.id().name())))
                .toList();
        return new SourceSchema(snapshot, definitions, tables);
    }

    private static CatalogTable definition(PostgresDefinitions definitions, Table table) {
        CatalogTable definition = definitions.table(table.id().name()).orElseThrow(() -> new DbferryException(
                ErrorCode.SCHEMA_READ_FAILED, "table " + table.id() + " has no definition in the catalog; "
                + "was it dropped while the schema was read?"));
        if (definition.partitioned()) {
            // A partitioned table would be re-created plain, and its rows copied once more from each partition.
            throw new DbferryException(ErrorCode.INVALID_OPTION, "table " + table.id() + " is partitioned or a "
                    + "partition, which a PostgreSQL → PostgreSQL copy does not handle yet; leave the partitioned "
                    + "table and its partitions out with --exclude");
        }
        return definition;
    }
}
