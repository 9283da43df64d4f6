package io.dbferry.transfer.verify;

import java.util.List;

/**
 * The chunks of a table, planned from the source's keys in key order: a boundary after about every
 * {@code chunkRows} rows, so the chunks are {@code [start, b1)}, {@code [b1, b2)}, …, {@code [bn, end]}.
 *
 * @param boundaries the lower bound of every chunk but the first, ascending: its first key, or a key value below
 *     it that the table need not hold; never null
 * @param problem why the keys cannot be ranged (a key value whose order differs between the sides), null when
 *     they can; the table is then compared as a multiset
 */
record KeyPlan(List<List<Object>> boundaries, String problem) {

    KeyPlan {
        boundaries = List.copyOf(boundaries);
    }

    /**
     * This plan with adjacent chunks merged: every {@code factor}-th boundary kept.
     *
     * @param factor how many chunks become one, ≥ 1
     * @return never null; this plan for a factor of 1
     */
    KeyPlan merged(int factor) {
        if (factor == 1) {
            return this;
        }
        List<List<Object>> kept = new java.util.ArrayList<>();
        for (int i = factor - 1; i < boundaries.size(); i += factor) {
            kept.add(boundaries.get(i));
        }
        return new KeyPlan(kept, problem);
    }

    /** The chunks, in key order; at least one. */
    List<KeyRange> chunks() {
        List<KeyRange> chunks = new java.util.ArrayList<>();
        List<Object> lower = null;
        for (List<Object> boundary : boundaries) {
            chunks.add(new KeyRange(lower, boundary));
            lower = boundary;
        }
        chunks.add(new KeyRange(lower, null));
        return chunks;
    }
}
