package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.introspect.postgres.PostgresCatalog;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Target tables that already exist, and what {@code --if-exists} does with them before a load. Stateless. */
final class ExistingTables {

    private ExistingTables() {}

    /**
     * The mapped tables the target schema already has.
     *
     * @throws DbferryException with {@link ErrorCode#TARGET_TABLE_EXISTS} when there are any and
     *     {@code --if-exists} is fail; nothing has been changed then
     */
    static List<MappedTable> find(Connection connection, List<MappedTable> tables, MigrationOptions options) {
        Set<String> names = PostgresCatalog.relationNames(connection, options.targetSchema());
        List<MappedTable> existing = tables.stream().filter(t -> names.contains(t.target().name())).toList();
        if (!existing.isEmpty() && options.ifExists() == IfExists.FAIL) {
            throw new DbferryException(ErrorCode.TARGET_TABLE_EXISTS, "the target already has "
                    + existing.size() + " of the " + tables.size() + " tables in schema \"" + options.targetSchema()
                    + "\" (" + String.join(", ", existing.stream().map(t -> t.target().name()).toList())
                    + "); nothing was changed. Use --if-exists drop to replace them, --if-exists truncate to "
                    + "empty and reload them, or --target-schema to migrate into another schema");
        }
        return existing;
    }

    /** Creates the schema, then drops or empties the existing tables as --if-exists says, then creates the rest. */
    static List<String> createStatements(PostgresDdl ddl, List<MappedTable> existing, List<MappedTable> created,
            MigrationOptions options) {
        List<String> statements = new ArrayList<>();
        statements.add(ddl.createSchemaIfNotExists(options.targetSchema()));
        if (!existing.isEmpty() && options.ifExists() == IfExists.DROP) {
            existing.forEach(t -> statements.add(ddl.dropTable(t.target())));
        }
        if (!existing.isEmpty() && options.ifExists() == IfExists.TRUNCATE) {
            statements.add(ddl.truncate(existing.stream().map(MappedTable::target).toList()));
        }
        created.forEach(t -> statements.add(ddl.createTable(t)));
        return statements;
    }
}
