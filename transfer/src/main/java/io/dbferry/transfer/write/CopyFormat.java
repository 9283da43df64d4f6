package io.dbferry.transfer.write;

/**
 * The COPY data format dbferry encodes rows in (PostgreSQL docs, COPY, "File Formats").
 *
 * <p>Binary is the default: on a 1,000,000-row table of mixed types it loaded faster than text (numbers
 * in the README's "Performance" notes), because the server need not parse numbers, dates and timestamps
 * from text, and the encoder need not format them.
 */
public enum CopyFormat {
    /** Tab-separated text, {@code FORMAT text}: {@link CopyTextEncoder}. */
    TEXT,
    /** PostgreSQL's binary tuples, {@code FORMAT binary}: {@link CopyBinaryEncoder}. */
    BINARY
}
