package io.dbferry.transfer.read.sqlitefile;

/**
 * SQLite's variable-length integers (https://www.sqlite.org/fileformat2.html §1.6 "B-tree Pages"): 1 to 9 bytes,
 * big-endian, 7 bits from each of the first 8 bytes while their high bit is set, all 8 bits of a ninth.
 */
final class Varint {

    private Varint() {}

    /**
     * The varint starting at a byte.
     *
     * @throws ArrayIndexOutOfBoundsException when it runs past the array (a malformed page)
     */
    static long read(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            byte b = bytes[at + i];
            value = value << 7 | b & 0x7f;
            if (b >= 0) {
                return value;
            }
        }
        return value << 8 | bytes[at + 8] & 0xff;
    }

    /** How many bytes the varint starting at a byte takes, 1 to 9. */
    static int length(byte[] bytes, int at) {
        for (int i = 0; i < 8; i++) {
            if (bytes[at + i] >= 0) {
                return i + 1;
            }
        }
        return 9;
    }
}
