package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
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
 * only one side has while holding one key of each — as long as SQLite holds every key value in the storage class
 * of its target type: SQLite sorts INTEGER values numerically and before all TEXT values
 * (https://www.sqlite.org/datatype3.html#sort_order), so a text key holding {@code 10} and {@code 9} as integers
 * would not sort as PostgreSQL sorts the text {@code '10'} and {@code '9'}. A source stream checks that on each
 * row. Not thread-safe.
 */
final class KeyStream {

    private final ResultSet rows;
    private final boolean[] integer;
    private final List<String> checkedColumns;
    private final String table;
    private Object[] current;

    /**
     * A stream whose values are not checked: the target's, where the column type decides the kind.
     *
     * @param rows the keys, ordered; owned by the caller
     * @param integer per key column, whether it is an integer (else text)
     */
    KeyStream(ResultSet rows, boolean[] integer) {
        this(rows, integer, List.of(), null);
    }

    /**
     * A source stream whose result set holds, after the key columns, each key column's SQLite {@code typeof()}.
     *
     * @param rows the keys and their storage classes, ordered; owned by the caller
     * @param integer per key column, whether it is an integer (else text)
     * @param columns the source key columns' names, for the message; as many as {@code integer}
     * @param table the source table's name, for the message; never null
     */
    KeyStream(ResultSet rows, boolean[] integer, List<String> columns, String table) {
        this.rows = rows;
        this.integer = integer.clone();
        this.checkedColumns = List.copyOf(columns);
        this.table = table;
    }

    /**
     * The next key, or null at the end.
     *
     * @throws DbferryException with {@link ErrorCode#SYNC_REFUSED} when a checked source value is stored in another
     *     storage class than its key column's kind ({@code integer} or {@code text})
     * @throws SQLException when reading fails
     */
    Object[] next() throws SQLException {
        if (!rows.next()) {
            current = null;
            return null;
        }
        current = new Object[integer.length];
        for (int i = 0; i < integer.length; i++) {
            current[i] = integer[i] ? (Object) rows.getLong(i + 1) : rows.getString(i + 1);
        }
        if (!checkedColumns.isEmpty()) {
            checkStorageClasses();
        }
        return current;
    }

    private void checkStorageClasses() throws SQLException {
        for (int i = 0; i < integer.length; i++) {
            String expected = integer[i] ? "integer" : "text";
            String stored = rows.getString(integer.length + i + 1);
            if (!expected.equals(stored)) {
                throw new DbferryException(ErrorCode.SYNC_REFUSED, "--deletes detect needs every primary-key value "
                        + "of \"" + table + "\" stored as " + expected + " in SQLite, so that both databases sort the "
                        + "keys alike, but column \"" + checkedColumns.get(i) + "\" holds " + stored + " "
                        + rows.getString(i + 1) + " (key " + describe(Arrays.asList(current)) + "); nothing was "
                        + "deleted. Use --deletes soft:COLUMN or none for this table");
            }
        }
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
