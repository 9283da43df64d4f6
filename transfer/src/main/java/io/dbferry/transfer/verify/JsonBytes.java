package io.dbferry.transfer.verify;

import java.util.Arrays;

/**
 * The canonical JSON text {@link PlainJson} writes: a growable byte array of UTF-8, and the members of each object
 * put in jsonb's key order once the object is written. jsonb's key order: shorter UTF-8 first, then byte by byte,
 * which is code point order; the last of duplicate keys wins (PostgreSQL docs §8.14).
 *
 * <p>The members of the objects being written are kept on one stack of offsets, three per member — its start,
 * which is its key's, the end of its key (quotes included, which change neither order nor equality) and its end:
 * an object nested in a member's value is written, ordered and taken off the stack before that member is added.
 * Its arrays are kept from one text to the next ({@link #reset()}), as this runs for every JSON value a
 * verification reads. Not thread-safe; one per {@link PlainJson}.
 */
final class JsonBytes {

    /** The most bytes a buffer keeps from one text to the next. */
    private static final int MAX_KEPT_BYTES = 1 << 20;

    private byte[] bytes = new byte[64];
    private int length;
    /** Per member on the stack: its start, the end of its key, its end. */
    private int[] offsets = new int[24];
    private int top;
    /** An object's bytes while its members are rewritten in key order; made by the first rewrite. */
    private byte[] written = new byte[0];
    /** The members' indexes in key order, while an object's members are rewritten; made by the first rewrite. */
    private int[] order = new int[0];

    /**
     * Empties the text and the stack of members, keeping the arrays unless a large text made them larger than
     * {@value #MAX_KEPT_BYTES} bytes (a reader would otherwise hold twice its largest JSON value until it ends).
     */
    void reset() {
        length = 0;
        top = 0;
        if (bytes.length > MAX_KEPT_BYTES) {
            bytes = new byte[64];
        }
        if (written.length > MAX_KEPT_BYTES) {
            written = new byte[0];
        }
    }

    /** The bytes written so far. */
    int length() {
        return length;
    }

    void put(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * bytes.length);
        }
        bytes[length++] = b;
    }

    void putBytes(byte[] source, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + count));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    /** The bytes written, a new array. */
    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Starts an object whose {@code {} is written next.
     *
     * @return where its members start on the stack, for {@link #endObject}
     */
    int beginObject() {
        return top;
    }

    /**
     * Adds the member just written, which ends at the current length, to the innermost object begun and not ended.
     *
     * @param memberStart where its key's opening quote is
     * @param keyEnd where its key ends, after the closing quote
     */
    void addMember(int memberStart, int keyEnd) {
        if (top + 3 > offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * offsets.length);
        }
        offsets[top] = memberStart;
        offsets[top + 1] = keyEnd;
        offsets[top + 2] = length;
        top += 3;
    }

    /**
     * Rewrites the members of the object begun at {@code base} in key order, unless they are in it, and takes them
     * off the stack; the object's {@code }} is not written yet.
     *
     * @param base what {@link #beginObject()} returned for it
     * @param objectStart where its {@code {} is
     */
    void endObject(int base, int objectStart) {
        int count = (top - base) / 3;
        boolean ordered = true;
        for (int i = 1; i < count && ordered; i++) {
            ordered = compareKeys(base, i - 1, i) < 0;
        }
        if (!ordered) {
            reorder(base, count, objectStart);
        }
        top = base;
    }

    private void reorder(int base, int count, int objectStart) {
        int size = length - objectStart;
        if (written.length < size) {
            written = new byte[Math.max(Math.max(2 * written.length, 64), size)];
        }
        System.arraycopy(bytes, objectStart, written, 0, size);
        sort(base, count);
        int kept = 0;
        for (int i = 0; i < count; i++) { // before the rewrite, which overwrites the keys compared
            if (i + 1 == count || compareKeys(base, order[i], order[i + 1]) != 0) {
                order[kept++] = order[i]; // a later duplicate wins, as in jsonb
            }
        }
        length = objectStart + 1;
        for (int i = 0; i < kept; i++) {
            if (i > 0) {
                put((byte) ',');
                put((byte) ' ');
            }
            int member = base + 3 * order[i];
            putBytes(written, offsets[member] - objectStart, offsets[member + 2] - offsets[member]);
        }
    }

    /**
     * Puts the members' indexes in {@link #order} in key order, duplicates in input order (a stable sort): an
     * insertion sort, as objects are small (boxing indexes for {@link Arrays#sort(Object[])} took most of the scan's
     * time), and that sort for large ones.
     */
    private void sort(int base, int count) {
        if (order.length < count) {
            order = new int[Math.max(Math.max(2 * order.length, 8), count)];
        }
        if (count > 32) {
            Integer[] sorted = new Integer[count];
            Arrays.setAll(sorted, i -> i);
            Arrays.sort(sorted, (a, b) -> compareKeys(base, a, b));
            for (int i = 0; i < count; i++) {
                order[i] = sorted[i];
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int j = i - 1;
            while (j >= 0 && compareKeys(base, order[j], i) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = i;
        }
    }

    /** jsonb's key order of members {@code a} and {@code b} of an object: shorter UTF-8 first, then unsigned bytes. */
    private int compareKeys(int base, int a, int b) {
        int aStart = offsets[base + 3 * a];
        int aEnd = offsets[base + 3 * a + 1];
        int bStart = offsets[base + 3 * b];
        int bEnd = offsets[base + 3 * b + 1];
        if (aEnd - aStart != bEnd - bStart) {
            return Integer.compare(aEnd - aStart, bEnd - bStart);
        }
        for (int i = aStart, j = bStart; i < aEnd; i++, j++) {
            if (bytes[i] != bytes[j]) {
                return Integer.compare(bytes[i] & 0xFF, bytes[j] & 0xFF); // keys are short: no vectorized compare
            }
        }
        return 0;
    }
}
