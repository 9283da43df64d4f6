package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.read.InvalidUtf8Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row a source row is, for rejects and error messages: the values of its table's primary key, or of
 * every column when the table has none. Stateless.
 */
public final class RowKey {

    private RowKey() {}

    /**
     * The primary key's values by source column name, in key order.
     *
     * @param table the mapped table whose source columns {@code values} follows, never null
     * @param values one source row as read, in the table's column order; text that is not valid UTF-8 appears
     *     as {@link InvalidUtf8Text} and is given back as its bytes
     * @return the key's values (Long, Double, String, byte[] or null), or the whole row's when the table has no
     *     primary key; never null
     */
    public static Map<String, Object> values(MappedTable table, Object[] values) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String name : names(table)) {
            Object value = values[table.source().columns().indexOf(table.source().column(name))];
            keys.put(name, value instanceof InvalidUtf8Text invalid ? invalid.bytes() : value);
        }
        return keys;
    }

    /**
     * The row in words: {@code primary key (a=1, b='x')}, or {@code row (…)} with every column when the table
     * has no primary key; text and bytes are quoted and cut as {@link ValueText#quote} does.
     *
     * @param table the mapped table, never null
     * @param values one source row as read, in the table's column order
     * @return the description, never null
     */
    public static String describe(MappedTable table, Object[] values) {
        StringBuilder keys = new StringBuilder();
        values(table, values).forEach((name, value) ->
                keys.append(keys.isEmpty() ? "" : ", ").append(name).append('=').append(ValueText.quote(value)));
        return (table.source().primaryKey() == null ? "row (" : "primary key (") + keys + ")";
    }

    private static List<String> names(MappedTable table) {
        return table.source().primaryKey() == null
                ? table.columns().stream().map(c -> c.source().name()).toList()
                : table.source().primaryKey().columns();
    }
}
