package io.dbferry.transfer.verify;

import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The storage classes of a row's values (https://www.sqlite.org/datatype3.html §2), computed by SQLite and
 * packed 3 bits a value into one INTEGER column per {@value #PER_COLUMN} values — one {@code getLong} per row
 * instead of one {@code typeof()} text per value, which the profile of issue 7 found to cost a tenth of the
 * source side's time. Stateless.
 */
final class StorageClasses {

    /** Values whose storage classes one packed INTEGER (63 usable bits) holds. */
    static final int PER_COLUMN = 20;

    private static final StorageClass[] BY_CODE = {StorageClass.NULL, StorageClass.INTEGER, StorageClass.REAL,
        StorageClass.TEXT, StorageClass.BLOB};

    private StorageClasses() {}

    /**
     * The SQL expressions that pack the storage classes of the given value expressions, {@value #PER_COLUMN}
     * to an expression: {@code (case typeof(v0) when 'text' then 3 when 'null' then 0 … end) | (… << 3) | …}, each
     * value's likely class compared first — SQLite compares the WHEN arms in order, and this halved the
     * expressions' cost on the benchmark's orders (3.2 s → 1.4 s of SQLite CPU, benchmarks/RESULTS.md).
     *
     * @param values the value expressions as rendered SQL, never null
     * @param likely the storage class each value most likely has, in the same order; never null
     * @return one expression per {@value #PER_COLUMN} values, never null
     */
    static List<String> packedColumns(List<String> values, List<StorageClass> likely) {
        List<String> columns = new ArrayList<>();
        for (int start = 0; start < values.size(); start += PER_COLUMN) {
            List<String> parts = new ArrayList<>();
            for (int i = start; i < Math.min(values.size(), start + PER_COLUMN); i++) {
                StorageClass first = likely.get(i);
                StringBuilder arms = new StringBuilder(arm(first));
                for (StorageClass other : BY_CODE) {
                    if (other != first && other != StorageClass.BLOB) {
                        arms.append(arm(other));
                    }
                }
                parts.add("((case typeof(" + values.get(i) + ")" + arms + " else " + code(StorageClass.BLOB)
                        + " end) << " + 3 * (i - start) + ")");
            }
            columns.add("(" + String.join(" | ", parts) + ")");
        }
        return columns;
    }

    /** {@code when 'text' then 3}: a storage class's name as {@code typeof()} returns it, and its code. */
    private static String arm(StorageClass storageClass) {
        return " when '" + storageClass.name().toLowerCase(Locale.ROOT) + "' then " + code(storageClass);
    }

    private static int code(StorageClass storageClass) {
        return List.of(BY_CODE).indexOf(storageClass);
    }

    /**
     * The storage class of the value at a position within a packed column.
     *
     * @param packed the packed column's value
     * @param position the value's 0-based position among the column's {@value #PER_COLUMN}
     * @return never null
     */
    static StorageClass at(long packed, int position) {
        return BY_CODE[(int) (packed >>> (3 * position)) & 7];
    }

    /**
     * Reads a value by its storage class, as {@link io.dbferry.transfer.profile.SourceValue#read} does: INTEGER
     * as {@link Long}, REAL as {@link Double}, BLOB as {@code byte[]}, TEXT as {@link String} when it is valid
     * UTF-8 and as its raw {@code byte[]} when not; in a UTF-16 database TEXT as {@code getString} returns it.
     *
     * @param rs a result set on its current row, never null
     * @param index the value's 1-based column
     * @param storageClass the value's storage class, never null
     * @param utf16 whether the database stores text as UTF-16, where {@code getBytes} returns UTF-16 bytes
     * @return null for NULL
     * @throws SQLException when the driver fails
     */
    static Object read(ResultSet rs, int index, StorageClass storageClass, boolean utf16) throws SQLException {
        return switch (storageClass) {
            case NULL -> null;
            case INTEGER -> rs.getLong(index);
            case REAL -> rs.getDouble(index);
            case TEXT -> utf16 ? Objects.requireNonNullElse(rs.getString(index), "") : text(bytes(rs, index));
            case BLOB -> bytes(rs, index);
        };
    }

    /** The raw bytes; sqlite-jdbc returns null for an empty TEXT or BLOB. */
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
     * TEXT as {@link #read} returns it: a {@link String} when the bytes are valid UTF-8, else the bytes. Strict
     * UTF-8: the JDK's decoder replaces every malformed sequence (overlong forms, surrogates, beyond
     * U+10FFFF) with U+FFFD, so text without U+FFFD was valid; only text with one is decoded again strictly,
     * to tell a stored U+FFFD from a replaced sequence.
     */
    static Object text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return switch (StrictUtf8.decode(bytes)) {
            case TransformResult.Converted c -> c.value();
            case TransformResult.Rejected r -> bytes;
        };
    }
}
