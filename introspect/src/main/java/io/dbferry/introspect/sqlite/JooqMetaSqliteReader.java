package io.dbferry.introspect.sqlite;

import io.dbferry.introspect.model.ColumnType;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Log;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.DataTypeDefinition;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.UniqueKeyDefinition;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.sqlite.SQLiteDatabase;
import org.jooq.tools.JooqLogger;

/**
 * What jOOQ-meta's {@code SQLiteDatabase} gets right about a SQLite schema: declared column types with their
 * length, precision and scale, default expressions, and declared primary-key constraint names.
 *
 * <p>Everything else it reports is taken from the catalog instead; see {@link SqliteSchemaReader}.
 */
final class JooqMetaSqliteReader {

    /** A column as jOOQ-meta sees it. */
    record JooqColumn(ColumnType type, String defaultSql) {}

    /** A table as jOOQ-meta sees it: columns by name, and the primary-key name (null when invented or absent). */
    record JooqTable(Map<String, JooqColumn> columns, String primaryKeyName) {}

    private JooqMetaSqliteReader() {}

    /**
     * Reads every table jOOQ-meta can see.
     *
     * @param connection an open SQLite connection, not closed here
     * @return tables by exact name, never null; a table jOOQ-meta cannot read is absent or has no columns
     */
    static Map<String, JooqTable> read(Connection connection) {
        // jOOQ-meta logs its own parser failures (e.g. on UNSIGNED INT or GENERATED columns) at ERROR with
        // stack traces; every fact we keep is checked against the catalog, so they are noise to our users.
        JooqLogger.globalThreshold(Log.Level.FATAL);
        SQLiteDatabase database = new SQLiteDatabase();
        database.setConnection(connection);
        database.setSupportsUnsignedTypes(true);
        database.setOnError(OnError.SILENT);
        Map<String, JooqTable> tables = new HashMap<>();
        for (SchemaDefinition schema : database.getSchemata()) {
            for (TableDefinition table : database.getTables(schema)) {
                tables.put(table.getName(), new JooqTable(columns(table), declaredPrimaryKeyName(table)));
            }
        }
        return tables;
    }

    private static Map<String, JooqColumn> columns(TableDefinition table) {
        Map<String, JooqColumn> columns = new HashMap<>();
        for (ColumnDefinition column : table.getColumns()) {
            DataTypeDefinition type = column.getType();
            columns.put(column.getName(), new JooqColumn(
                    new ColumnType(type.getType(), Math.max(0, type.getLength()), Math.max(0, type.getPrecision()),
                            Math.max(0, type.getScale())),
                    type.getDefaultValue()));
        }
        return columns;
    }

    private static String declaredPrimaryKeyName(TableDefinition table) {
        UniqueKeyDefinition key = table.getPrimaryKey();
        if (key == null) {
            return null;
        }
        // jOOQ-meta invents "pk_<table>" for an unnamed PRIMARY KEY; only a declared name is worth keeping.
        return key.getName().equals("pk_" + table.getName()) ? null : key.getName();
    }
}
