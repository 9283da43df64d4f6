package io.dbferry.transfer.profile;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.ForeignKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What SQLite's catalog says about foreign keys: the ids {@code PRAGMA foreign_key_check} reports them by,
 * and whether a parent key is one SQLite accepts (https://www.sqlite.org/foreignkeys.html §3: the parent
 * columns must be the primary key or have a unique index). Table names are bound as parameters of the
 * pragma table-valued functions (https://www.sqlite.org/pragma.html#pragfunc). Not thread-safe.
 */
final class SqliteParentKeys {

    private final Connection connection;

    /**
     * Reads through a connection.
     *
     * @param connection an open SQLite connection, owned by the caller
     */
    SqliteParentKeys(Connection connection) {
        this.connection = connection;
    }

    /**
     * The {@code fkid} of each of a table's foreign keys, as {@code PRAGMA foreign_key_list} numbers them.
     *
     * @param table the child table, never null
     * @param keys foreign keys of that table in source names, never null
     * @return fkid → index in {@code keys}, for the keys found; never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when the catalog cannot be read
     */
    Map<Integer, Integer> foreignKeyIds(String table, List<ForeignKey> keys) {
        Map<Integer, List<String>> columnsById = new LinkedHashMap<>();
        Map<Integer, String> parentById = new LinkedHashMap<>();
        for (String[] row : query("SELECT id, \"table\", \"from\" FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                table, 3)) {
            int id = Integer.parseInt(row[0]);
            parentById.put(id, row[1]);
            columnsById.computeIfAbsent(id, i -> new ArrayList<>()).add(row[2].toLowerCase(Locale.ROOT));
        }
        Map<Integer, Integer> ids = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            ForeignKey key = keys.get(k);
            List<String> columns = key.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            for (Map.Entry<Integer, List<String>> entry : columnsById.entrySet()) {
                int id = entry.getKey();
                if (!ids.containsKey(id) && entry.getValue().equals(columns)
                        && parentById.get(id).equalsIgnoreCase(key.referencedTable().name())) {
                    ids.put(id, k);
                    break;
                }
            }
        }
        return ids;
    }

    /**
     * Whether SQLite accepts these columns as a parent key: they are the rowid alias, or exactly the columns
     * of a unique index (the primary key and UNIQUE constraints have one).
     *
     * @param parent the parent table, never null
     * @param columns the referenced columns, never null or empty
     * @return true when a foreign key to them causes no "foreign key mismatch"
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when the catalog cannot be read
     */
    boolean isKey(String parent, List<String> columns) {
        Set<String> wanted = lowerCase(columns);
        for (String[] index : query("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1", parent, 1)) {
            List<String> indexed = query("SELECT name FROM pragma_index_info(?)", index[0], 1).stream()
                    .map(r -> r[0]).toList();
            if (indexed.size() == wanted.size() && lowerCase(indexed).equals(wanted)) {
                return true;
            }
        }
        List<String[]> primaryKey = query("SELECT name, type FROM pragma_table_info(?) WHERE pk > 0", parent, 2);
        // An INTEGER PRIMARY KEY is the rowid and has no index (https://www.sqlite.org/lang_createtable.html#rowid).
        return primaryKey.size() == 1 && "INTEGER".equalsIgnoreCase(primaryKey.get(0)[1])
                && wanted.equals(lowerCase(List.of(primaryKey.get(0)[0])));
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n == null ? null : n.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private List<String[]> query(String sql, String parameter, int width) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed reading the SQLite catalog of " + parameter
                    + " for the foreign-key check: " + e.getMessage(), e);
        }
    }
}
