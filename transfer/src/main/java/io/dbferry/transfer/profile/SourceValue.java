package io.dbferry.transfer.profile;

import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One value as SQLite stores it: its storage class and the Java value read for it — {@link Long} (INTEGER),
 * {@link Double} (REAL), {@link String} (TEXT that is valid UTF-8), {@code byte[]} (BLOB, or TEXT whose bytes
 * are not valid UTF-8), null (NULL).
 *
 * @param storageClass the storage class {@code typeof()} reported, never null
 * @param value the value, null exactly when the storage class is NULL
 */
public record SourceValue(StorageClass storageClass, Object value) {

    /** The SQL NULL. */
    static final SourceValue NULL = new SourceValue(StorageClass.NULL, null);

    /**
     * Checks the value is present unless the storage class is NULL.
     *
     * @throws IllegalArgumentException when the value is null for another storage class, or present for NULL
     */
    public SourceValue {
        Objects.requireNonNull(storageClass, "storageClass");
        if ((value == null) != (storageClass == StorageClass.NULL)) {
            throw new IllegalArgumentException(storageClass + " with value " + value);
        }
    }

    /**
     * Whether the value is NULL.
     *
     * @return true exactly when the storage class is NULL
     */
    public boolean isNull() {
        return storageClass == StorageClass.NULL;
    }

    /** Whether this is TEXT whose bytes are not valid UTF-8 (its value is then the raw {@code byte[]}). */
    boolean isInvalidUtf8() {
        return storageClass == StorageClass.TEXT && value instanceof byte[];
    }

    /** The value as SQL-like text for an example, see {@link ValueText}. */
    String sqlText() {
        return ValueText.of(this);
    }

    /**
     * Reads a value by the storage class {@code typeof()} gave for it: INTEGER with {@code getLong}, REAL with
     * {@code getDouble}, BLOB with {@code getBytes}, and TEXT with {@code getBytes} too, decoded strictly
     * here so that invalid UTF-8 is kept, not replaced with U+FFFD by the driver — but in a UTF-16 database,
     * where {@code getBytes} would return UTF-16 bytes, TEXT with {@code getString} (SQLite converts it).
     *
     * @param rs a result set on its current row, never null
     * @param index the value's 1-based column; {@code typeof()} of it is the next column
     * @param utf16 whether the database stores text as UTF-16 ({@code SqliteSource.isUtf16})
     * @return never null
     * @throws SQLException when the driver fails
     */
    public static SourceValue read(ResultSet rs, int index, boolean utf16) throws SQLException {
        StorageClass storageClass = StorageClass.ofTypeof(rs.getString(index + 1));
        return switch (storageClass) {
            case NULL -> NULL;
            case INTEGER -> new SourceValue(storageClass, rs.getLong(index));
            case REAL -> new SourceValue(storageClass, rs.getDouble(index));
            case TEXT -> utf16 ? new SourceValue(storageClass, Objects.requireNonNullElse(rs.getString(index), ""))
                    : text(bytes(rs, index));
            case BLOB -> new SourceValue(storageClass, bytes(rs, index));
        };
    }

    /** The raw bytes; sqlite-jdbc returns null for an empty TEXT or BLOB. */
    private static byte[] bytes(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? new byte[0] : bytes;
    }

    private static SourceValue text(byte[] bytes) {
        return switch (StrictUtf8.decode(bytes)) {
            case TransformResult.Converted c -> new SourceValue(StorageClass.TEXT, c.value());
            case TransformResult.Rejected r -> new SourceValue(StorageClass.TEXT, bytes);
        };
    }
}
