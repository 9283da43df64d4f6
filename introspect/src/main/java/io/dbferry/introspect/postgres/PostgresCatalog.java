package io.dbferry.introspect.postgres;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quick questions to PostgreSQL's system catalogs (PostgreSQL docs, chapter 52 "System Catalogs") that do
 * not need a full schema read.
 */
public final class PostgresCatalog {

    private PostgresCatalog() {}

    /**
     * The names of the relations (tables, partitioned tables, views, materialized views, foreign tables)
     * that exist in a schema.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema name, exact (not case-folded)
     * @return names sorted, exact case, never null, empty when the schema does not exist
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static Set<String> relationNames(Connection connection, String schema) {
        String sql = "SELECT c.relname FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED,
                    "failed listing the tables of target schema \"" + schema + "\": " + e.getMessage(), e);
        }
    }
}
