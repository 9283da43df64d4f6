package io.dbferry.transfer.verify;

import java.util.Arrays;

/**
 * The canonical JSON text {@link PlainJson} writes: a growable byte array of UTF-8, and the members of each object
 * put in jsonb's key order once the object is written. Not thread-safe; one per scan.
 */
final class JsonBytes {

    private byte[] bytes;
    private int length;

    /** @param capacity the bytes to start with, ≥ 1 */
    JsonBytes(int capacity) {
        this.bytes = new byte[capacity];
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
     * Starts recording the members of an object whose {@code {} was written at {@code start}.
     *
     * @return never null
     */
    Members members(int start) {
        return new Members(start);
    }

    /**
     * The members of one object as written, in input order: per member three offsets — its start, which is its
     * key's, the end of its key (quotes included, which change neither order nor equality) and its end. jsonb's
     * key order: shorter UTF-8 first, then byte by byte, which is code point order; the last of duplicate keys
     * wins (PostgreSQL docs §8.14).
     */
    final class Members {
        private final int start;
        private int[] offsets = new int[12];
        private int count;
        private boolean ordered = true;

        private Members(int start) {
            this.start = start;
        }

        /** How many members were added. */
        int count() {
            return count;
        }

        /**
         * Adds the member just written, which ends at the current length.
         *
         * @param memberStart where its key's opening quote is
         * @param keyEnd where its key ends, after the closing quote
         */
        void add(int memberStart, int keyEnd) {
            if (3 * count + 3 > offsets.length) {
                offsets = Arrays.copyOf(offsets, 2 * offsets.length);
            }
            offsets[3 * count] = memberStart;
            offsets[3 * count + 1] = keyEnd;
            offsets[3 * count + 2] = length;
            ordered &= count == 0 || compareKeys(count - 1, count) < 0;
            count++;
        }

        /** Rewrites the members in key order unless they are in it; the object's {@code }} is not written yet. */
        void order() {
            if (ordered) {
                return;
            }
            byte[] written = Arrays.copyOfRange(bytes, start, length);
            int[] order = sorted();
            boolean[] overridden = new boolean[count]; // a later duplicate wins, as in jsonb
            for (int i = 0; i + 1 < count; i++) {
                overridden[i] = compareKeys(order[i], order[i + 1]) == 0;
            }
            length = start + 1;
            boolean first = true;
            for (int i = 0; i < count; i++) {
                if (overridden[i]) {
                    continue;
                }
                if (!first) {
                    put((byte) ',');
                    put((byte) ' ');
                }
                first = false;
                int from = offsets[3 * order[i]] - start;
                putBytes(written, from, offsets[3 * order[i] + 2] - start - from);
            }
        }

        /**
         * The members' indexes in key order, duplicates in input order (a stable sort): an insertion sort, as
         * objects are small (boxing indexes for {@link Arrays#sort(Object[])} took most of the scan's time), and
         * that sort for large ones.
         */
        private int[] sorted() {
            if (count > 32) {
                Integer[] order = new Integer[count];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, this::compareKeys);
                return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            }
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                int j = i - 1;
                while (j >= 0 && compareKeys(order[j], i) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = i;
            }
            return order;
        }

        /** jsonb's key order of members {@code a} and {@code b}: shorter UTF-8 first, then unsigned bytes. */
        private int compareKeys(int a, int b) {
            int aLength = offsets[3 * a + 1] - offsets[3 * a];
            int bLength = offsets[3 * b + 1] - offsets[3 * b];
            if (aLength != bLength) {
                return Integer.compare(aLength, bLength);
            }
            for (int i = offsets[3 * a], j = offsets[3 * b]; i < offsets[3 * a + 1]; i++, j++) {
                if (bytes[i] != bytes[j]) {
                    return Integer.compare(bytes[i] & 0xFF, bytes[j] & 0xFF); // keys are short: no vectorized compare
                }
            }
            return 0;
        }
    }
}
