package io.dbferry.introspect.sqlite;

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

/**
 * SQLite's own catalog, read through its table-valued PRAGMA functions
 * (https://www.sqlite.org/pragma.html). These are the facts jOOQ-meta's model is checked against.
 *
 * <p>Not thread-safe: it uses the connection it is given, which the caller owns.
 */
final class SqliteCatalog {

    /** A row of {@code PRAGMA table_list} plus the table's CREATE statement. */
    record CatalogTable(String name, String type, boolean withoutRowid, String sql) {}

    /** A row of {@code PRAGMA table_xinfo}; {@code hidden} is 0 normal, 1 virtual-table hidden, 2/3 generated. */
    record CatalogColumn(int cid, String name, String declaredType, boolean notNull, String defaultSql, int pkOrder,
            int hidden) {}

    /** A row of {@code PRAGMA index_list} with its keys and its CREATE INDEX statement (null for an automatic index). */
    record CatalogIndex(String name, boolean unique, String origin, boolean partial, List<CatalogIndexKey> keys,
            String sql) {

        /** The key column names; null for an expression. */
        List<String> columns() {
            return keys.stream().map(CatalogIndexKey::column).toList();
        }

        boolean hasExpression() {
            return columns().contains(null);
        }
    }

    /** A key row of {@code PRAGMA index_xinfo}: column (null for an expression), sort order and collation name. */
    record CatalogIndexKey(String column, boolean descending, String collation) {}

    /** A row of {@code sqlite_schema} for a view. */
    record CatalogView(String name, String sql) {}

    /** One foreign key of {@code PRAGMA foreign_key_list}, its rows folded together; {@code to} may hold nulls. */
    record CatalogForeignKey(String table, List<String> from, List<String> to, String onUpdate, String onDelete) {}

    private final Connection connection;

    SqliteCatalog(Connection connection) {
        this.connection = connection;
    }

    List<CatalogTable> tables() {
        String sql = "SELECT t.name, t.type, t.wr, m.sql FROM pragma_table_list AS t "
                + "LEFT JOIN sqlite_schema AS m ON m.name = t.name AND m.type = 'table' "
                + "WHERE t.schema = 'main' ORDER BY t.name";
        return query(sql, List.of(), rs -> new CatalogTable(
                rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4)));
    }

    List<CatalogColumn> columns(String table) {
        return query("SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
                List.of(table), rs -> new CatalogColumn(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4) == 1, rs.getString(5), rs.getInt(6), rs.getInt(7)));
    }

    List<CatalogIndex> indexes(String table) {
        List<CatalogIndex> indexes = new ArrayList<>();
        String sql = "SELECT l.name, l.\"unique\", l.origin, l.partial, m.sql FROM pragma_index_list(?) AS l "
                + "LEFT JOIN sqlite_schema AS m ON m.type = 'index' AND m.name = l.name ORDER BY l.name";
        for (Object[] row : query(sql, List.of(table), rs -> new Object[] {rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getInt(4), rs.getString(5)})) {
            String name = (String) row[0];
            indexes.add(new CatalogIndex(name, (int) row[1] == 1, (String) row[2], (int) row[3] == 1, keys(name),
                    (String) row[4]));
        }
        return indexes;
    }

    private List<CatalogIndexKey> keys(String index) {
        // cid -2 marks an expression, -1 the rowid (https://www.sqlite.org/pragma.html#pragma_index_xinfo); coll is
        // the collation the key really uses, a column's declared one included.
        return query("SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                List.of(index), rs -> new CatalogIndexKey(rs.getInt(1) == -2 ? null : rs.getString(2),
                        rs.getInt(3) == 1, rs.getString(4)));
    }

    List<CatalogView> views() {
        return query("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name", List.of(),
                rs -> new CatalogView(rs.getString(1), rs.getString(2)));
    }

    List<CatalogForeignKey> foreignKeys(String table) {
        Map<Integer, List<String[]>> rowsById = new LinkedHashMap<>();
        for (String[] row : query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq", List.of(table), rs -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6)})) {
            rowsById.computeIfAbsent(Integer.valueOf(row[0]), id -> new ArrayList<>()).add(row);
        }
        List<CatalogForeignKey> keys = new ArrayList<>();
        for (List<String[]> rows : rowsById.values()) {
            String[] first = rows.get(0);
            keys.add(new CatalogForeignKey(first[1], rows.stream().map(r -> r[2]).toList(),
                    rows.stream().map(r -> r[3]).toList(), first[4], first[5]));
        }
        return keys;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<String> parameters, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed reading the SQLite catalog ("
                    + sql.substring(0, Math.min(60, sql.length())) + "… " + parameters + "): " + e.getMessage(), e);
        }
    }
}
