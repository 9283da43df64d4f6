package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedTable;

/**
 * Told how far the checksum verification of a keyed table has got, for a progress display: once after each chunk
 * whose digests both sides have computed. Tables compared by counts or as a multiset report nothing. Called from
 * the verifier's worker threads but one call at a time, in the order the chunks finish; an implementation must
 * return quickly and must not throw (what it throws fails the verification).
 */
@FunctionalInterface
public interface VerifyProgress {

    /** Reports nothing. */
    VerifyProgress NONE = (table, digested, chunks, sourceRows) -> {};

    /**
     * A chunk's digests are done on both sides.
     *
     * @param table the table, as given to {@link Verifier#verify}; never null
     * @param digested how many of its chunks are done, 1 to {@code chunks}
     * @param chunks how many chunks it was split into, at least 1
     * @param sourceRows the source rows in the chunks done so far
     */
    void chunkDigested(MappedTable table, int digested, int chunks, long sourceRows);
}
