package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.mapping.SqliteType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Streams the rows of one PostgreSQL table through a server-side cursor: pgjdbc fetches {@code fetchRows} rows at a
 * time when the connection is not in auto-commit mode and the statement has a fetch size (pgjdbc docs, "Getting
 * results based on a cursor"), so a table of any size is read in constant memory. Rows come in primary-key order
 * when the table has one, so that an AUTOINCREMENT table's rowids grow as SQLite expects and reject files are in key
 * order. Array columns are selected as {@code to_jsonb(column)}; everything else as it is. Not thread-safe.
 */
final class PostgresTableCursor implements AutoCloseable {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private final PreparedStatement statement;
    private final ResultSet rows;

    /**
     * Opens the cursor.
     *
     * @param connection a PostgreSQL connection inside the run's read-only transaction, not closed here
     * @param schema the source schema, never null
     * @param table the table, never null
     * @param fetchRows rows per fetch, ≥ 1
     * @throws SQLException when the query fails
     */
    PostgresTableCursor(Connection connection, String schema, SqliteTable table, int fetchRows) throws SQLException {
        statement = connection.prepareStatement(select(schema, table));
        statement.setFetchSize(fetchRows);
        rows = statement.executeQuery();
    }

    /**
     * The SELECT of every column of a table, in key order.
     *
     * @param schema the source schema, never null
     * @param table the table, never null
     * @return never null
     */
    static String select(String schema, SqliteTable table) {
        List<String> columns = new ArrayList<>();
        for (SqliteColumn column : table.columns()) {
            String name = POSTGRES.render(DSL.name(column.name()));
            columns.add(column.type().type() == SqliteType.ARRAY ? "to_jsonb(" + name + ")" : name);
        }
        String sql = "SELECT " + String.join(", ", columns) + " FROM "
                + POSTGRES.render(DSL.name(schema, table.name()));
        if (table.primaryKey() != null) {
            sql += " ORDER BY " + table.primaryKey().columns().stream().map(c -> POSTGRES.render(DSL.name(c)))
                    .collect(Collectors.joining(", "));
        }
        return sql;
    }

    /**
     * The rows, positioned before the first.
     *
     * @return never null
     */
    ResultSet rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            rows.close();
        }
    }
}
