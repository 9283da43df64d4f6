package io.dbferry.transfer.write;

import java.util.Arrays;

/**
 * A growable byte array that COPY encoders append to: big-endian integers (PostgreSQL's network byte order,
 * COPY "Binary Format"), ASCII and UTF-8 text. Appending never allocates unless the array must grow.
 * Not thread-safe.
 */
final class CopyBytes {

    private byte[] bytes;
    private int length;

    CopyBytes(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    /**
     * Hands the bytes over and starts again empty. A nearly full array is handed over whole and replaced by
     * a new one of the given capacity; a few bytes (the end of a chunk, a small table) are copied out, so
     * that many small batches in flight do not each hold a large array.
     */
    CopyData take(int nextCapacity) {
        CopyData data;
        if (length < bytes.length / 4) {
            data = new CopyData(Arrays.copyOf(bytes, length), length);
        } else {
            data = new CopyData(bytes, length);
            bytes = new byte[nextCapacity];
        }
        length = 0;
        return data;
    }

    void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void putShort(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        setInt(length, v);
        length += 4;
    }

    void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
    }

    void putBytes(byte[] source) {
        ensure(source.length);
        System.arraycopy(source, 0, bytes, length, source.length);
        length += source.length;
    }

    void putAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /** Overwrites four bytes already appended, e.g. a field length written before its value was known. */
    void setInt(int position, int v) {
        bytes[position] = (byte) (v >>> 24);
        bytes[position + 1] = (byte) (v >>> 16);
        bytes[position + 2] = (byte) (v >>> 8);
        bytes[position + 3] = (byte) v;
    }

    /**
     * Appends a string as UTF-8; with {@code escape}, backslash, tab, newline and carriage return become the
     * COPY text format's backslash sequences.
     *
     * @throws IllegalArgumentException on an unpaired surrogate, which has no UTF-8 form
     */
    void putUtf8(String s, boolean escape) {
        for (int i = escape ? 0 : putAsciiPrefix(s); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                putAsciiChar(c, escape);
            } else if (c < 0x800) {
                ensure(2);
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                putFourBytes(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate U+" + Integer.toHexString(c) + " in text");
            } else {
                ensure(3);
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Copies the leading ASCII characters of {@code s} unescaped, the common case of binary COPY text, with one
     * capacity check instead of one per character.
     *
     * @return the index of the first character not copied
     */
    private int putAsciiPrefix(String s) {
        int n = s.length();
        ensure(n);
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[length++] = (byte) c;
        }
        return i;
    }

    private void putFourBytes(int cp) {
        ensure(4);
        bytes[length++] = (byte) (0xF0 | (cp >> 18));
        bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (cp & 0x3F));
    }

    private void putAsciiChar(char c, boolean escape) {
        if (escape) {
            switch (c) {
                case '\\' -> putAscii("\\\\");
                case '\t' -> putAscii("\\t");
                case '\n' -> putAscii("\\n");
                case '\r' -> putAscii("\\r");
                default -> put((byte) c);
            }
        } else {
            put((byte) c);
        }
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
