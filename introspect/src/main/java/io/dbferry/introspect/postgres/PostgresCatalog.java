package io.dbferry.introspect.postgres;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return new TreeSet<>(names(connection, sql, schema, "the tables of target schema \"" + schema + '"'));
    }

    /**
     * The labels of the enum types (PostgreSQL docs §8.7 "Enumerated Types", catalog {@code pg_enum}) by type name,
     * each in its declared sort order. A name defined in several schemas takes the labels of the given schema's type.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema whose types win a name clash, exact
     * @return never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static Map<String, List<String>> enumLabels(Connection connection, String schema) {
        String sql = "SELECT t.typname, e.enumlabel, n.nspname FROM pg_catalog.pg_enum e "
                + "JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                + "ORDER BY n.nspname = ? DESC, n.nspname, t.typname, e.enumsortorder";
        Map<String, List<String>> labels = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            Map<String, String> schemaOf = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String owner = rs.getString(3);
                    String first = schemaOf.putIfAbsent(type, owner);
                    if (first == null || first.equals(owner)) {
                        labels.computeIfAbsent(type, t -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return labels;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED,
                    "failed reading the enum types of schema \"" + schema + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The other user schemas of the database that hold tables: every schema but the given one, {@code pg_catalog},
     * {@code information_schema} and {@code pg_toast}/{@code pg_temp} schemas.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema to leave out, exact
     * @return names sorted, never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static List<String> otherSchemasWithTables(Connection connection, String schema) {
        String sql = "SELECT DISTINCT n.nspname FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p') AND n.nspname <> ? AND n.nspname <> 'information_schema' "
                + "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY n.nspname";
        return names(connection, sql, schema, "the schemas of the source");
    }

    /**
     * The columns of a table with their types as {@code format_type()} prints them (PostgreSQL docs, "System
     * Information Functions and Operators"), e.g. {@code numeric(10,2)}, {@code character varying(160)},
     * {@code timestamp without time zone}; dropped columns left out.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the table's schema, exact
     * @param table the table's name, exact
     * @return type by column name, in the table's column order; never null, empty when there is no such table
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static Map<String, String> columnTypes(Connection connection, String schema, String table) {
        String sql = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a "
                + "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed reading the column types of \""
                    + schema + "\".\"" + table + "\": " + e.getMessage(), e);
        }
    }

    /** The first column of a query with the schema as its one bind value, in the query's order. */
    private static List<String> names(Connection connection, String sql, String schema, String what) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed listing " + what + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * One row of a catalog listing about a table: the table, an object's name and its definition.
     *
     * @param table the table's exact name, never null
     * @param name the object's exact name, never null
     * @param definition what PostgreSQL prints for it, never null
     */
    public record TableObject(String table, String name, String definition) {}

    /**
     * The exclusion constraints of a schema's tables (PostgreSQL docs §5.5.6, {@code pg_constraint.contype = 'x'}),
     * which jOOQ-meta does not report and whose backing index is not listed as an index either.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema, exact
     * @return by table, then name; the definition as {@code pg_get_constraintdef} prints it; never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static List<TableObject> exclusionConstraints(Connection connection, String schema) {
        return tableObjects(connection, schema, "the exclusion constraints", "SELECT t.relname, c.conname, "
                + "pg_catalog.pg_get_constraintdef(c.oid) FROM pg_catalog.pg_constraint c "
                + "JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE c.contype = 'x' AND n.nspname = ? ORDER BY t.relname, c.conname");
    }

    /**
     * The partitions of a schema's partitioned tables (PostgreSQL docs §5.11, {@code pg_inherits} of a
     * {@code relkind = 'p'} parent): reading the parent returns the rows of every partition.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema of the partitions, exact
     * @return one row per partition: {@code table} the partition, {@code name} its parent, {@code definition} the
     *     partition bound ({@code FOR VALUES …}); by partition name; never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the query fails
     */
    public static List<TableObject> partitions(Connection connection, String schema) {
        return tableObjects(connection, schema, "the partitions", "SELECT c.relname, p.relname, "
                + "coalesce(pg_catalog.pg_get_expr(c.relpartbound, c.oid), '') FROM pg_catalog.pg_inherits i "
                + "JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_catalog.pg_class p ON p.oid = i.inhparent "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE p.relkind = 'p' AND n.nspname = ? ORDER BY c.relname");
    }

    private static List<TableObject> tableObjects(Connection connection, String schema, String what, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            List<TableObject> objects = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    objects.add(new TableObject(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return objects;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED,
                    "failed reading " + what + " of schema \"" + schema + "\": " + e.getMessage(), e);
        }
    }
}
