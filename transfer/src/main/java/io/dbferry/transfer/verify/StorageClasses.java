package io.dbferry.transfer.verify;

import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.SafeStmtPtr;

/**
 * The storage classes of a row's values (https://www.sqlite.org/datatype3.html §2), asked of SQLite value by
 * value with {@code sqlite3_column_type()} (https://www.sqlite.org/c3ref/column_blob.html) through sqlite-jdbc's
 * statement pointer ({@code org.sqlite.core}, public but below JDBC). JDBC has no such question: {@code getObject}
 * asks the same and then reads the value, decoding TEXT into a string, and packing {@code typeof()} of each value
 * into a column made SQLite evaluate a CASE per value — a quarter more time on the benchmark's orders than this
 * (benchmarks/RESULTS.md, 2026-12-02 "verify: binary digests"). Should sqlite-jdbc change these classes, the build
 * breaks here rather than a verification going wrong.
 */
final class StorageClasses {

    private StorageClasses() {}

    /**
     * Asks the storage classes of the current row of one SQLite result and reads its values; not thread-safe, one
     * per result.
     */
    static final class Reader implements SourceRow {
        private final ResultSet rs;
        private final boolean utf16;
        private final SafeStmtPtr pointer;
        /** Per column (0-based, as the C API counts): its {@code sqlite3_column_type()} call. */
        private final SafeStmtPtr.SafePtrIntFunction<SQLException>[] columnTypes;
        /** Per column: its {@code sqlite3_column_double()} call. */
        private final SafeStmtPtr.SafePtrDoubleFunction<SQLException>[] columnDoubles;

        /**
         * @param rs a sqlite-jdbc result set, never null
         * @param utf16 whether the database stores text as UTF-16, where {@code getBytes} returns UTF-16 bytes
         * @throws SQLException when it does not come from sqlite-jdbc
         */
        @SuppressWarnings("unchecked")
        Reader(ResultSet rs, boolean utf16) throws SQLException {
            this.rs = rs;
            this.utf16 = utf16;
            this.pointer = rs.getStatement().unwrap(CoreStatement.class).pointer;
            int columns = rs.getMetaData().getColumnCount();
            this.columnTypes = new SafeStmtPtr.SafePtrIntFunction[columns];
            this.columnDoubles = new SafeStmtPtr.SafePtrDoubleFunction[columns];
            for (int i = 0; i < columns; i++) {
                int column = i;
                columnTypes[i] = (db, statement) -> db.column_type(statement, column);
                columnDoubles[i] = (db, statement) -> db.column_double(statement, column);
            }
        }

        @Override
        public StorageClass storageClass(int column) throws SQLException {
            // SQLITE_INTEGER 1, SQLITE_FLOAT 2, SQLITE_TEXT 3, SQLITE_BLOB 4, SQLITE_NULL 5
            // (https://www.sqlite.org/c3ref/c_blob.html)
            return switch (pointer.safeRunInt(columnTypes[column])) {
                case 1 -> StorageClass.INTEGER;
                case 2 -> StorageClass.REAL;
                case 3 -> StorageClass.TEXT;
                case 4 -> StorageClass.BLOB;
                default -> StorageClass.NULL;
            };
        }

        /**
         * Reads a value of the current row by its storage class, as
         * {@link io.dbferry.transfer.profile.SourceValue#read} does: a REAL with {@code sqlite3_column_double()} at
         * once ({@code getDouble} would ask the storage class again); in a UTF-16 database TEXT as
         * {@code getString} returns it.
         */
        @Override
        public Object value(int column, StorageClass storageClass) throws SQLException {
            int index = column + 1;
            return switch (storageClass) {
                case NULL -> null;
                case INTEGER -> rs.getLong(index);
                case REAL -> pointer.safeRunDouble(columnDoubles[column]);
                case TEXT -> utf16 ? Objects.requireNonNullElse(rs.getString(index), "")
                        : text(StorageClasses.bytes(rs, index));
                case BLOB -> StorageClasses.bytes(rs, index);
            };
        }

        @Override
        public byte[] bytes(int column) throws SQLException {
            return StorageClasses.bytes(rs, column + 1);
        }
    }

    /**
     * A TEXT or BLOB value's bytes: TEXT as stored, which is UTF-8 unless the database is UTF-16.
     *
     * @param rs a result set on its current row, never null
     * @param index the value's 1-based column
     * @return never null, empty for NULL
     * @throws SQLException when the driver fails
     */
    static byte[] bytes(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? new byte[0] : bytes;
    }

    /**
     * TEXT as a {@link SourceRow} returns it: a {@link String} when the bytes are valid UTF-8, else the bytes. Strict
     * UTF-8: the JDK's decoder replaces every malformed sequence (overlong forms, surrogates, beyond
     * U+10FFFF) with U+FFFD, so text without U+FFFD was valid; only text with one is decoded again strictly,
     * to tell a stored U+FFFD from a replaced sequence.
     */
    static Object text(byte[] bytes) {
        return text(new String(bytes, StandardCharsets.UTF_8), () -> bytes);
    }

    /**
     * As {@link #text(byte[])}, for text already decoded with the JDK's UTF-8 decoder.
     *
     * @param decoded the bytes decoded, never null
     * @param bytes gives the bytes, asked only when {@code decoded} holds U+FFFD; never null
     * @return never null
     */
    static Object text(String decoded, Supplier<byte[]> bytes) {
        if (decoded.indexOf('\uFFFD') < 0) {
            return decoded;
        }
        return strict(bytes.get());
    }

    private static Object strict(byte[] bytes) {
        return switch (StrictUtf8.decode(bytes)) {
            case TransformResult.Converted c -> c.value();
            case TransformResult.Rejected r -> bytes;
        };
    }
}
