package io.dbferry.transfer.verify;

import java.util.List;

/**
 * The rows of one table on one side, read by key range. Implementations wrap {@code SQLException} in a
 * {@code DbferryException} with {@code VERIFY_FAILED} naming the side, table and range. Not thread-safe: each
 * side is read by one thread at a time.
 */
sealed interface TableRows permits SqliteRows, PostgresRows {

    /**
     * Counts all rows of the table.
     *
     * @return rows, ≥ 0
     */
    long count();

    /**
     * Counts the rows and hashes their canonical forms.
     *
     * @param range the key range, {@link KeyRange#ALL} for the whole table (the only range without a key)
     * @return never null
     */
    ChunkDigest digest(KeyRange range);

    /**
     * The key of the row at a position in key order.
     *
     * @param range the key range, never null
     * @param offset the 0-based position within the range, less than its row count
     * @return the key, never null
     */
    List<Object> keyAt(KeyRange range, long offset);

    /**
     * Reads the rows of a range in canonical form.
     *
     * @param range the key range, never null
     * @return the rows in no particular order, never null
     */
    List<CanonicalRow> rows(KeyRange range);
}
