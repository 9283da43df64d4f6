package io.dbferry.transfer.verify;

import io.dbferry.transfer.profile.StorageClass;
import java.sql.SQLException;

/**
 * The current row of a SQLite table, value by value with its storage class (https://www.sqlite.org/datatype3.html
 * §2): read through sqlite-jdbc ({@link StorageClasses.Reader}) or straight from the file's pages
 * ({@link PageRow}). What {@link StoredRow} encodes; valid until its reader moves on.
 */
interface SourceRow {

    /**
     * A value's storage class, as {@code typeof()} would say.
     *
     * @param column the 0-based column of the mapped table
     * @return never null
     * @throws SQLException when the driver fails
     */
    StorageClass storageClass(int column) throws SQLException;

    /**
     * A value: INTEGER as {@link Long}, REAL as {@link Double}, BLOB as {@code byte[]}, TEXT as {@link String} when
     * it is valid UTF-8 and as its raw {@code byte[]} when not (see {@link StorageClasses#text}).
     *
     * @param column the 0-based column
     * @param storageClass its storage class, from {@link #storageClass}; never null
     * @return null for NULL
     * @throws SQLException when the driver fails
     */
    Object value(int column, StorageClass storageClass) throws SQLException;

    /**
     * A TEXT or BLOB value's bytes as stored (TEXT in UTF-8: asked only of UTF-8 databases).
     *
     * @param column the 0-based column
     * @return never null
     * @throws SQLException when the driver fails
     */
    byte[] bytes(int column) throws SQLException;
}
