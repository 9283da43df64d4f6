package io.dbferry.transfer.sync;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Primary-key values read one row at a time from a result set ordered by the key in byte order: integers as
 * {@link Long}, text as {@link String}. Both sides order the same way (SQLite's BINARY collation and PostgreSQL's
 * {@code COLLATE "C"} compare UTF-8 bytes; https://www.sqlite.org/datatype3.html#collation,
 * https://www.postgresql.org/docs/current/collation.html), so a merge of the two streams finds the keys
 * only one side has while holding one key of each. Not thread-safe.
 */
final class KeyStream {

    private final ResultSet rows;
    private final boolean[] integer;
    private Object[] current;

    /**
     * @param rows the keys, ordered; owned by the caller
     * @param integer per key column, whether it is an integer (else text)
     */
    KeyStream(ResultSet rows, boolean[] integer) {
        this.rows = rows;
        this.integer = integer.clone();
    }

    /** The next key, or null at the end. */
    Object[] next() throws SQLException {
        if (!rows.next()) {
            current = null;
            return null;
        }
        current = new Object[integer.length];
        for (int i = 0; i < integer.length; i++) {
            current[i] = integer[i] ? (Object) rows.getLong(i + 1) : rows.getString(i + 1);
        }
        return current;
    }

    /** Compares two keys as both databases order them: numbers numerically, text by its UTF-8 bytes. */
    static int compare(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = a[i] instanceof Long x ? Long.compare(x, (Long) b[i])
                    : Arrays.compareUnsigned(((String) a[i]).getBytes(StandardCharsets.UTF_8),
                            ((String) b[i]).getBytes(StandardCharsets.UTF_8));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The key for a message, e.g. {@code (7, 'x')}. */
    static String describe(List<Object> key) {
        return key.stream().map(v -> v instanceof String s ? "'" + s + "'" : String.valueOf(v))
                .reduce((x, y) -> x + ", " + y).map(s -> "(" + s + ")").orElse("()");
    }
}
