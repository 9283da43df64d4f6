package io.dbferry.transfer.write;

/**
 * The COPY data format dbferry encodes rows in (PostgreSQL docs, COPY, "File Formats").
 *
 * <p>Binary is the default because it was measured faster (issue 4; a 1,000,000-row table of bigint, uuid,
 * boolean, numeric, double, jsonb, two timestamps, text and bytea; PostgreSQL 15 on 2 cores): encoding took
 * about 0.4 s of CPU against 0.65–1.2 s for text, and the server's COPY about 1.4 s of CPU against 2.45 s,
 * since the server need not parse numbers, dates, timestamps and UUIDs, nor the encoder format them; the
 * data is also 7% smaller.
 */
public enum CopyFormat {
    /** Tab-separated text, {@code FORMAT text}: {@link CopyTextEncoder}. */
    TEXT,
    /** PostgreSQL's binary tuples, {@code FORMAT binary}: {@link CopyBinaryEncoder}. */
    BINARY
}
