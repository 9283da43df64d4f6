package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.sql.Connection;

/**
 * The selected source tables — and the views over them — mapped to their target objects, exactly as
 * {@link Migration} maps them: so {@code verify} and {@code plan} run with the same options see the tables
 * {@code migrate} makes. Stateless.
 */
public final class SourceMapping {

    private SourceMapping() {}

    /**
     * Reads the source schema and maps the selected tables.
     *
     * @param source an open SQLite connection, never null
     * @param options the selection, identifier policy, target schema and cast rules; never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the schema cannot be read,
     *     {@link ErrorCode#NOT_FOUND} for an unknown table in {@code --tables}/{@code --exclude}, or a cast-rule
     *     code when a rule does not fit
     */
    public static SchemaMapping read(Connection source, MigrationOptions options) {
        return map(SqliteSchemaReader.read(source), options);
    }

    /**
     * Maps the selected tables of a schema already read.
     *
     * @param snapshot the source schema, never null
     * @param options as for {@link #read(Connection, MigrationOptions)}
     * @return never null
     * @throws DbferryException as for {@link #read(Connection, MigrationOptions)}, but for the schema read
     */
    public static SchemaMapping map(SchemaSnapshot snapshot, MigrationOptions options) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), options.identifiers(), options.targetSchema(),
                options.castRules()).map(snapshot, TableSelection.select(snapshot, options));
    }
}
