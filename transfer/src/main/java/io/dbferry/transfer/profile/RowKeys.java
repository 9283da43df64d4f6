package io.dbferry.transfer.profile;

import io.dbferry.introspect.mapping.MappedColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rows of one table are named in examples and found again: by primary key, or by rowid.
 *
 * @param columns the table's columns in order, never null
 * @param primaryKey the 0-based indexes of the source primary-key columns in key order, empty when none
 * @param rowidName the name the rowid is selected by ({@code rowid}, {@code _rowid_} or {@code oid}), null
 *     when the table has no reachable rowid
 */
record RowKeys(List<MappedColumn> columns, List<Integer> primaryKey, String rowidName) {

    /** Copies the lists. */
    RowKeys {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * A row's key for an example: its primary-key columns and values in key order, or its rowid when the
     * table has no primary key or the key holds a NULL, which SQLite allows outside an INTEGER PRIMARY KEY
     * (https://www.sqlite.org/lang_createtable.html, "The PRIMARY KEY").
     *
     * @param row a row of the table, never null
     * @return source column names to SQL-like values; never null, empty only for a row with neither
     */
    Map<String, String> key(ProfiledRow row) {
        Map<String, String> key = new LinkedHashMap<>();
        boolean hasNull = primaryKey.stream().anyMatch(i -> row.value(i).isNull());
        if (primaryKey.isEmpty() || hasNull && row.rowid() != null) {
            if (row.rowid() != null) {
                key.put(rowidName, row.rowid().toString());
            }
            return key;
        }
        primaryKey.forEach(i -> key.put(columns.get(i).source().name(), row.value(i).sqlText()));
        return key;
    }

    /**
     * How to find a row again: by rowid, else by primary key.
     *
     * @param row a row of the table, never null
     * @return never null
     */
    RowLocator locator(ProfiledRow row) {
        return row.rowid() != null ? RowLocator.ofRowid(row.rowid())
                : RowLocator.ofPrimaryKey(primaryKey.stream().map(row::value).toList());
    }
}
