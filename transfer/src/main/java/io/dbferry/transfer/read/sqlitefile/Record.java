package io.dbferry.transfer.read.sqlitefile;

import io.dbferry.transfer.profile.StorageClass;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One record of a table b-tree leaf, its fields decoded in place (https://www.sqlite.org/fileformat2.html §2.1
 * "Record Format"): a header of serial types, then the values — integers of 0 to 8 bytes, big-endian, two's
 * complement; 8-byte IEEE 754 reals; TEXT and BLOB bytes as stored. Valid until its cursor moves; not
 * thread-safe.
 */
public final class Record {

    private byte[] bytes = new byte[0];
    private long[] serialTypes = new long[16];
    private int[] offsets = new int[16];
    private int fields;

    /**
     * Decodes the record in {@code payload[offset, offset + length)}.
     *
     * @param payload holds the record, never null; kept until the next call
     * @param offset where the record starts
     * @param length its bytes, ≥ 0
     * @param where names the page for a message, asked only on failure (a message per record would cost more
     *     than decoding it)
     * @throws PageFormatException when its header or values run past the payload, or a serial type is reserved
     *     or negative
     */
    void decode(byte[] payload, int offset, int length, Supplier<String> where) {
        this.bytes = payload;
        int end = offset + length;
        long headerBytes = Varint.read(payload, offset);
        if (headerBytes < 1 || headerBytes > length) {
            throw new PageFormatException(where.get() + ": record header of " + headerBytes + " bytes in a payload of "
                    + length);
        }
        int headerEnd = offset + (int) headerBytes;
        int at = offset + Varint.length(payload, offset);
        long valueAt = headerEnd;
        fields = 0;
        while (at < headerEnd) {
            long serialType = Varint.read(payload, at);
            at += Varint.length(payload, at);
            if (fields == serialTypes.length) {
                serialTypes = Arrays.copyOf(serialTypes, fields * 2);
                offsets = Arrays.copyOf(offsets, fields * 2);
            }
            serialTypes[fields] = serialType;
            offsets[fields] = (int) valueAt;
            valueAt += width(serialType, where);
            fields++;
            if (valueAt > end) {
                throw new PageFormatException(where.get() + ": record's field " + fields + " ends past its payload of "
                        + length + " bytes");
            }
        }
        if (at != headerEnd) {
            throw new PageFormatException(where.get() + ": record header runs past its " + headerBytes + " bytes");
        }
    }

    /** Bytes a value of a serial type takes (§2.1, table of serial types). */
    private static long width(long serialType, Supplier<String> where) {
        if (serialType >= 12) {
            return (serialType - 12) >> 1; // BLOB (N-12)/2 or TEXT (N-13)/2 bytes
        }
        if (serialType < 0) {
            throw new PageFormatException(where.get() + ": serial type " + serialType + " is negative");
        }
        return switch ((int) serialType) {
            case 0, 8, 9 -> 0;
            case 1, 2, 3, 4 -> serialType;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> throw new PageFormatException(where.get() + ": serial type " + serialType
                    + " is reserved and never in a database file");
        };
    }

    /** The number of fields; fewer than the table has columns for a row older than an {@code ADD COLUMN}. */
    public int fields() {
        return fields;
    }

    /**
     * The storage class a field holds as stored. A REAL stored as an integer (SQLite does so for whole numbers in
     * columns of REAL affinity, https://www.sqlite.org/datatype3.html §3.4) says INTEGER here: the caller knows
     * the column's affinity.
     *
     * @param field 0-based, below {@link #fields()}
     * @return never null
     */
    public StorageClass storageClass(int field) {
        long serialType = serialTypes[field];
        if (serialType >= 12) {
            return (serialType & 1) == 0 ? StorageClass.BLOB : StorageClass.TEXT;
        }
        return serialType == 0 ? StorageClass.NULL : serialType == 7 ? StorageClass.REAL : StorageClass.INTEGER;
    }

    /**
     * An INTEGER field's value.
     *
     * @param field 0-based, a field whose {@link #storageClass} is INTEGER
     */
    public long integer(int field) {
        int at = offsets[field];
        return switch ((int) serialTypes[field]) {
            case 8 -> 0;
            case 9 -> 1;
            case 1 -> bytes[at];
            case 2 -> (long) bytes[at] << 8 | bytes[at + 1] & 0xff;
            case 3 -> (long) bytes[at] << 16 | (bytes[at + 1] & 0xff) << 8 | bytes[at + 2] & 0xff;
            case 4 -> (long) bytes[at] << 24 | (long) (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
            case 5 -> (long) bytes[at] << 40 | (long) (bytes[at + 1] & 0xff) << 32 | unsigned32(at + 2);
            default -> unsigned32(at) << 32 | unsigned32(at + 4);
        };
    }

    /**
     * A REAL field's value.
     *
     * @param field 0-based, a field whose {@link #storageClass} is REAL
     */
    public double real(int field) {
        int at = offsets[field];
        return Double.longBitsToDouble(unsigned32(at) << 32 | unsigned32(at + 4));
    }

    /**
     * A TEXT or BLOB field's bytes, copied: TEXT in the database's encoding.
     *
     * @param field 0-based, a field whose {@link #storageClass} is TEXT or BLOB
     * @return never null
     */
    public byte[] bytes(int field) {
        return Arrays.copyOfRange(bytes, offsets[field], offsets[field] + length(field));
    }

    /**
     * A TEXT field of a UTF-8 database decoded straight from the record's bytes, as
     * {@code new String(bytes(field), UTF_8)} would decode it (malformed sequences become U+FFFD) without the copy.
     *
     * @param field 0-based, a field whose {@link #storageClass} is TEXT
     * @return never null
     */
    public String utf8Text(int field) {
        return new String(bytes, offsets[field], length(field), StandardCharsets.UTF_8);
    }

    /** The bytes a TEXT or BLOB field takes, ≥ 0. */
    public int length(int field) {
        return (int) ((serialTypes[field] - 12) >> 1);
    }

    private long unsigned32(int at) {
        return (long) (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }
}
