package io.dbferry.transfer.read;

/**
 * Receives the rows a reader streams, one call per row, in the order the cursor returns them.
 */
@FunctionalInterface
public interface RowSink {

    /**
     * Accepts one row.
     *
     * @param values the row's values in the mapped table's column order: {@link Long}, {@link Double},
     *     {@link String}, {@code byte[]} or null per SQLite storage class; the array is reused for the next
     *     row, so copy what must outlive the call
     */
    void accept(Object[] values);
}
