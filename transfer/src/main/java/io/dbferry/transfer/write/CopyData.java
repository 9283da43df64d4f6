package io.dbferry.transfer.write;

import java.util.Objects;

/**
 * Encoded COPY data ready to send: bytes {@code [0, length)} of {@code bytes}. The array is handed over,
 * not copied: whoever receives it owns it.
 *
 * @param bytes the array, never null
 * @param length the number of valid bytes, in {@code [0, bytes.length]}
 */
public record CopyData(byte[] bytes, int length) {

    /** Validates the length. */
    public CopyData {
        Objects.requireNonNull(bytes, "bytes");
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length must be in [0, " + bytes.length + "], was " + length);
        }
    }
}
