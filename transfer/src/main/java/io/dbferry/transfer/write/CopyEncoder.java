package io.dbferry.transfer.write;

/**
 * Encodes rows for one {@code COPY … FROM STDIN}: {@link #begin()} once, {@link #appendRow} per row,
 * {@link #end()} once, taking the bytes out with {@link #take()} whenever enough have piled up. One COPY
 * statement receives exactly the bytes between one {@code begin()} and its {@code end()}.
 *
 * <p>Values are of the Java types {@code io.dbferry.transfer.transform.ValueTransform} produces, null for
 * SQL NULL. Not thread-safe: one encoder per reading thread.
 */
public sealed interface CopyEncoder permits CopyTextEncoder, CopyBinaryEncoder {

    /**
     * How many encoded bytes a reader collects before handing them to a writer, in bytes: large enough that
     * the hand-over costs nothing next to encoding, small enough that a few per chunk in flight keep memory
     * independent of table size.
     */
    int BATCH_BYTES = 256 * 1024;

    /** The capacity encoders start with: a batch plus room for the row that crosses the line. */
    int INITIAL_CAPACITY = BATCH_BYTES + BATCH_BYTES / 8;

    /** Appends what a COPY stream starts with (the binary header; nothing for text). */
    void begin();

    /**
     * Appends one row.
     *
     * @param values the row's converted values in column order, null for SQL NULL; not kept
     * @throws IllegalArgumentException when a value has a type the encoder cannot write for its column
     */
    void appendRow(Object[] values);

    /** Appends what a COPY stream ends with (the binary trailer; nothing for text). */
    void end();

    /**
     * The number of encoded bytes not yet taken.
     *
     * @return bytes, ≥ 0
     */
    int length();

    /**
     * Hands over the encoded bytes and continues on a fresh array.
     *
     * @return the bytes, owned by the caller from now on; never null
     */
    CopyData take();

    /**
     * Creates the encoder for a format.
     *
     * @param format the COPY format, never null
     * @param types the target column types in column order, never null; text ignores them
     * @return a new encoder, never null
     */
    static CopyEncoder of(CopyFormat format, java.util.List<io.dbferry.introspect.mapping.TargetType> types) {
        return switch (format) {
            case TEXT -> new CopyTextEncoder();
            case BINARY -> new CopyBinaryEncoder(types);
        };
    }
}
