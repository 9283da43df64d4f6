package io.dbferry.transfer.verify;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The row count and an order-independent 128-bit hash of the rows of one chunk on one side: each row's
 * canonical values are hashed with MurmurHash3 (x64, 128 bits; Guava's {@code Hashing.murmur3_128()}, fast
 * and not cryptographic) and the hashes are added, each 64-bit half modulo 2^64. Equal digests mean, but for a
 * chance of about 2^-128, equal multisets of rows.
 *
 * @param rows the number of rows, ≥ 0
 * @param low the sum of the rows' first 64 hash bits
 * @param high the sum of the rows' last 64 hash bits
 */
record ChunkDigest(long rows, long low, long high) {

    private static final HashFunction MURMUR3 = Hashing.murmur3_128();

    /** Adds rows one by one; not thread-safe. */
    static final class Builder {
        private long rows;
        private long low;
        private long high;

        /**
         * Adds one row.
         *
         * @param values the row's canonical values in column order, null for NULL; never null itself
         */
        void add(List<String> values) {
            ByteBuffer hash = ByteBuffer.wrap(hash(values).asBytes()).order(ByteOrder.LITTLE_ENDIAN);
            rows++;
            low += hash.getLong(0);
            high += hash.getLong(8);
        }

        ChunkDigest build() {
            return new ChunkDigest(rows, low, high);
        }
    }

    /**
     * The hash of one row. Each value is framed by a NULL marker or its length, so that ("ab", "c") and
     * ("a", "bc") hash differently.
     */
    static HashCode hash(List<String> values) {
        Hasher hasher = MURMUR3.newHasher();
        for (String value : values) {
            if (value == null) {
                hasher.putByte((byte) 0);
            } else {
                hasher.putByte((byte) 1).putInt(value.length()).putString(value, StandardCharsets.UTF_8);
            }
        }
        return hasher.hash();
    }
}
