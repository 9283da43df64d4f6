package io.dbferry.transfer.read.sqlitefile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SQLite database file as read at one moment: its header's page size, reserved bytes and schema cookie
 * (https://www.sqlite.org/fileformat2.html §1.3 "The Database Header"), its size, and its pages read by number.
 * Never writes. Thread-safe: pages are read with positional reads.
 *
 * <p>The file is read through one channel per file for the whole process, which is never closed: SQLite's locks
 * are POSIX advisory locks, which belong to the process, and closing <em>any</em> descriptor of the file drops
 * every lock the process holds on it — the read locks of SQLite connections in this process included
 * (https://www.sqlite.org/howtocorrupt.html §2.2). SQLite itself defers such closes; a reader next to SQLite
 * connections must not close at all.
 */
public final class DatabaseFile {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    /** Per file (its file key: device and inode where the platform has one), the process's one channel. */
    private static final ConcurrentHashMap<Object, FileChannel> CHANNELS = new ConcurrentHashMap<>();

    private final Path path;
    private final FileChannel channel;
    private final int pageSize;
    private final int usableSize;
    private final long pageCount;
    private final long schemaCookie;

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
        this.schemaCookie = u32(header, 40);
    }

    /**
     * Reads a file's header and size now, through the process's channel of the file (opened on first use).
     *
     * @param path the database file, never null
     * @return the file as it is now, never null; nothing to close
     * @throws IOException when the file cannot be opened or read
     * @throws PageFormatException when it does not start with a SQLite header this reader takes
     */
    public static DatabaseFile read(Path path) throws IOException {
        FileChannel channel = channel(path);
        byte[] header = new byte[HEADER_BYTES];
        boolean whole = readUpTo(channel, header, HEADER_BYTES, 0) == HEADER_BYTES;
        if (!whole || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new PageFormatException(path + " does not start with a SQLite header (\"SQLite format 3\")");
        }
        return new DatabaseFile(path, channel, header, channel.size());
    }

    /**
     * The first bytes of a file, read through the process's channel of the file — so that looking at a SQLite
     * file's header does not drop the locks of SQLite connections open on it (see the class comment).
     *
     * @param path the file, never null
     * @param bytes how many to read, ≥ 0
     * @return at most {@code bytes} bytes, fewer when the file is shorter; never null
     * @throws IOException when the file cannot be opened or read
     */
    public static byte[] start(Path path, int bytes) throws IOException {
        byte[] start = new byte[bytes];
        return Arrays.copyOf(start, readUpTo(channel(path), start, bytes, 0));
    }

    /**
     * The process's channel of a file: opened on first use, and again when the one kept was closed — a channel is
     * closed when a thread reading it is interrupted (FileChannel is an InterruptibleChannel), and a closed one would
     * fail every later read of the file with a ClosedChannelException.
     */
    private static FileChannel channel(Path path) throws IOException {
        // An open channel keeps its file's inode from being reused, even after the file is deleted; a closed one
        // does not, so a kept channel that was closed may belong to a deleted file: it is replaced.
        Object fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        Object key = fileKey != null ? fileKey : path.toRealPath();
        try {
            return CHANNELS.compute(key, (k, kept) -> {
                if (kept != null && kept.isOpen()) {
                    return kept;
                }
                try {
                    return FileChannel.open(path, StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
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

    /** Whole pages in the file when {@link #read} read its header, ≥ 0. */
    public long pageCount() {
        return pageCount;
    }

    /**
     * The schema cookie of header offset 40, which SQLite increments on every schema change (§1.3.8) — as
     * {@code PRAGMA schema_version} reports it.
     */
    public long schemaCookie() {
        return schemaCookie;
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
        long position = (number - 1) * pageSize;
        if (readUpTo(channel, into, pageSize, position) < pageSize) {
            throw new EOFException(path + " ends inside page " + number);
        }
    }

    /**
     * Reads {@code length} bytes from a position into a buffer, fewer where the file ends; returns how many. An
     * interrupted thread does not read: the channel would be closed for every thread (and the process's SQLite
     * locks on the file dropped with it, see the class comment), so it gets an InterruptedIOException instead.
     */
    private static int readUpTo(FileChannel channel, byte[] into, int length, long position) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted before reading the SQLite file");
        }
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position();
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    static long u32(byte[] bytes, int at) {
        return (long) (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }
}
