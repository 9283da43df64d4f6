package io.dbferry.transfer.read;

import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Reads one SQLite value with its storage class (https://www.sqlite.org/datatype3.html §2): INTEGER as
 * {@link Long}, REAL as {@link Double}, TEXT as {@link String}, BLOB as {@code byte[]}, NULL as null.
 */
final class SqliteValues {

    private SqliteValues() {}

    /**
     * Reads a value as {@link #read} does, except that TEXT is read as its bytes and decoded strictly:
     * TEXT that is not valid UTF-8 comes back as {@link InvalidUtf8Text}, never with U+FFFD in it.
     */
    static Object readStrict(ResultSet rs, int index) throws SQLException {
        Object value = read(rs, index);
        if (!(value instanceof String)) {
            return value;
        }
        byte[] bytes = rs.getBytes(index);
        if (bytes == null) {
            return "";
        }
        return switch (StrictUtf8.decode(bytes)) {
            case TransformResult.Converted c -> c.value();
            case TransformResult.Rejected r -> new InvalidUtf8Text(bytes);
        };
    }

    static Object read(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        return switch (value) {
            case null -> null;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Double d -> d;
            case String s -> s;
            case byte[] b -> b;
            default -> storageClassValue(rs, index);
        };
    }

    /** Falls back to the storage class when the driver converted a value by the declared type. */
    private static Object storageClassValue(ResultSet rs, int index) throws SQLException {
        return switch (rs.getMetaData().getColumnType(index)) {
            case Types.INTEGER, Types.BIGINT -> rs.getLong(index);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(index);
            case Types.BLOB, Types.BINARY, Types.VARBINARY -> rs.getBytes(index);
            default -> rs.getString(index);
        };
    }
}
