package io.dbferry.transfer.verify;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The row count and an order-independent 128-bit hash of the rows of one chunk on one side: each row's
 * canonical values are framed into one byte array (see {@link Builder#add(String[])}), or its binary COPY tuple
 * taken ({@link Builder#add(byte[], int, int)}), hashed with MurmurHash3 (x64, 128 bits, seed 0; hash4j's
 * {@code Hashing.murmur3_128()}, fast and not cryptographic) and the hashes are added, each 64-bit half modulo
 * 2^64. Equal digests mean, but for a chance of about 2^-128, equal multisets of rows.
 *
 * @param rows the number of rows, ≥ 0
 * @param low the sum of the rows' first 64 hash bits
 * @param high the sum of the rows' last 64 hash bits
 */
record ChunkDigest(long rows, long low, long high) {

    /**
     * Adds rows one by one, reusing one byte buffer for the rows' bytes; not thread-safe, one per thread.
     */
    static final class Builder {
        /** MurmurHash3 x64-128, seed 0: its h1 is the value's least significant half, h2 the most significant. */
        private static final Hasher128 MURMUR3 = Hashing.murmur3_128();

        private byte[] buffer = new byte[512];
        private long rows;
        private long low;
        private long high;

        /**
         * Adds one row.
         *
         * @param values the row's canonical values in column order, null for NULL; never null itself
         */
        void add(String[] values) {
            int length = frame(values); // may replace the buffer
            add(buffer, 0, length);
        }

        /**
         * Adds one row given as bytes, such as its tuple in PostgreSQL's binary COPY format (see
         * {@link BinaryDigests}). Digests of rows added as bytes compare only with digests of rows added as
         * bytes in the same form.
         *
         * @param bytes holds the row's bytes, never null; not kept
         * @param offset where they start
         * @param length how many there are, ≥ 0
         */
        void add(byte[] bytes, int offset, int length) {
            HashValue128 hash = MURMUR3.hashBytesTo128Bits(bytes, offset, length);
            rows++;
            low += hash.getLeastSignificantBits();
            high += hash.getMostSignificantBits();
        }

        ChunkDigest build() {
            return new ChunkDigest(rows, low, high);
        }

        /**
         * Writes a row's bytes into the buffer: per value a 0 byte for NULL, else a 1 byte, the value's length in
         * UTF-8 bytes (4 bytes, big-endian) and those bytes — so that ("ab", "c") and ("a", "bc") differ.
         *
         * @return the bytes written
         */
        private int frame(String[] values) {
            int at = 0;
            for (String value : values) {
                if (value == null) {
                    at = ensure(at, 1);
                    buffer[at++] = 0;
                    continue;
                }
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                at = ensure(at, 5 + bytes.length);
                buffer[at] = 1;
                buffer[at + 1] = (byte) (bytes.length >>> 24);
                buffer[at + 2] = (byte) (bytes.length >>> 16);
                buffer[at + 3] = (byte) (bytes.length >>> 8);
                buffer[at + 4] = (byte) bytes.length;
                System.arraycopy(bytes, 0, buffer, at + 5, bytes.length);
                at += 5 + bytes.length;
            }
            return at;
        }

        /** Grows the buffer to hold {@code more} bytes after {@code at}; returns {@code at}. */
        private int ensure(int at, int more) {
            if (buffer.length - at < more) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + more));
            }
            return at;
        }
    }

    /**
     * The hash of one row, as {@link Builder#add(String[])} adds it.
     *
     * @param values the row's canonical values, null for NULL; never null itself
     * @return the digest of that one row, never null
     */
    static ChunkDigest hash(String... values) {
        Builder builder = new Builder();
        builder.add(values);
        return builder.build();
    }
}
