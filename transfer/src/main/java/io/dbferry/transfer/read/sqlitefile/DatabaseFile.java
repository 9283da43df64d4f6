package io.dbferry.transfer.read.sqlitefile;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A SQLite database file opened for reading its pages: the header's page size, reserved bytes and text encoding
 * (https://www.sqlite.org/fileformat2.html §1.3 "The Database Header"), and pages read by number. Never writes.
 * Thread-safe: pages are read with positional reads, so cursors on several threads may share one file.
 */
public final class DatabaseFile implements AutoCloseable {

    /** The text encoding of header offset 56 for UTF-8. */
    public static final int UTF8 = 1;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;

    private final Path path;
    private final FileChannel channel;
    private final int pageSize;
    private final int usableSize;
    private final long pageCount;
    private final int textEncoding;

    private DatabaseFile(Path path, FileChannel channel, byte[] header, long fileBytes) {
        this.path = path;
        this.channel = channel;
        int size = u16(header, 16);
        this.pageSize = size == 1 ? 65_536 : size; // §1.3.2: 1 stands for 65536
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new PageFormatException(path + ": page size " + size + " in the header is not a power of two "
                    + "from 512 to 65536");
        }
        if ((header[19] & 0xff) > 2) { // §1.3.3: a read version above 2 means the file cannot be read
            throw new PageFormatException(path + ": file format read version " + (header[19] & 0xff)
                    + " is newer than this reader knows (1 or 2)");
        }
        this.usableSize = pageSize - (header[20] & 0xff);
        if (usableSize < 480) { // §1.3.4: the usable size may not be less than 480
            throw new PageFormatException(path + ": " + (header[20] & 0xff) + " reserved bytes per page leave "
                    + usableSize + " usable, less than 480");
        }
        this.pageCount = fileBytes / pageSize;
        this.textEncoding = (int) u32(header, 56);
    }

    /**
     * Opens a file and reads its header.
     *
     * @param path the database file, never null
     * @return the open file, never null; the caller closes it
     * @throws IOException when the file cannot be opened or read
     * @throws PageFormatException when it does not start with a SQLite header this reader takes
     */
    public static DatabaseFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            byte[] header = new byte[HEADER_BYTES];
            readFully(channel, ByteBuffer.wrap(header), 0, path);
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new PageFormatException(path + " does not start with \"SQLite format 3\"");
            }
            return new DatabaseFile(path, channel, header, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file, for messages; never null. */
    public Path path() {
        return path;
    }

    /** Bytes per page, 512 to 65536. */
    public int pageSize() {
        return pageSize;
    }

    /** Bytes per page that b-tree pages use: the page size less the reserved bytes at the end of each page. */
    public int usableSize() {
        return usableSize;
    }

    /** Whole pages in the file now, ≥ 0. */
    public long pageCount() {
        return pageCount;
    }

    /** The text encoding of header offset 56: 1 UTF-8 ({@link #UTF8}), 2 UTF-16le, 3 UTF-16be. */
    public int textEncoding() {
        return textEncoding;
    }

    /**
     * Reads a page.
     *
     * @param number the page number, 1 to {@link #pageCount()}
     * @param into where the page goes, at least {@link #pageSize()} bytes; never null
     * @throws IOException when the file cannot be read
     * @throws PageFormatException when the number is outside the file
     */
    public void readPage(long number, byte[] into) throws IOException {
        if (number < 1 || number > pageCount) {
            throw new PageFormatException(path + ": page " + number + " is outside the file's " + pageCount
                    + " pages");
        }
        readFully(channel, ByteBuffer.wrap(into, 0, pageSize), (number - 1) * pageSize, path);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path path)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException(path + " ends at byte " + at + ", inside the page or header read from byte "
                        + position);
            }
            at += read;
        }
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    static long u32(byte[] bytes, int at) {
        return (long) (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }
}
