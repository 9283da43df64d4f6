package io.dbferry.cli;

import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.plan.SqliteDdl;

/** Renders the PostgreSQL → SQLite plan: one statement a line, phases and notes as SQL comments. */
final class SqlitePlanText {

    private SqlitePlanText() {}

    /**
     * The plan as a SQL script that SQLite can run as it is.
     *
     * @param schema the mapped schema, never null
     * @return never null, ends with a newline
     */
    static String render(SqliteSchema schema) {
        SqliteDdl ddl = new SqliteDdl();
        StringBuilder sql = new StringBuilder("-- tables (before the load)\n");
        for (SqliteTable table : schema.tables()) {
            sql.append(ddl.createTable(table)).append(";\n");
        }
        sql.append("\n-- (data: migrate's job)\n\n-- indexes (after the load)\n");
        for (SqliteTable table : schema.tables()) {
            ddl.createIndexes(table).forEach(index -> sql.append(index).append(";\n"));
        }
        if (!schema.notes().isEmpty()) {
            sql.append("\n-- not carried over (").append(schema.notes().size()).append("):\n");
            schema.notes().forEach(note -> sql.append("--   ").append(note.replace('\n', ' ')).append('\n'));
        }
        return sql.toString();
    }
}
