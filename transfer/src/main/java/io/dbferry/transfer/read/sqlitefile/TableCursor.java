package io.dbferry.transfer.read.sqlitefile;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Reads the rows of one rowid table in rowid order, from a rowid on and below another, straight from its b-tree
 * (https://www.sqlite.org/fileformat2.html §1.6 "B-tree Pages"): interior pages hold child page numbers with the
 * largest rowid of each child, leaf pages hold the records; a record too large for its leaf continues on a chain
 * of overflow pages (§1.7). The caller holds a read lock on the database through SQLite while a cursor reads,
 * so that no writer changes the file under it. Not thread-safe: one cursor per thread.
 */
public final class TableCursor {

    /** Deeper than any b-tree of a valid file (SQLite's own cursors stop at 20 levels): a cycle of pages. */
    private static final int MAX_DEPTH = 40;
    private static final int LEAF = 0x0d;
    private static final int INTERIOR = 0x05;

    private final DatabaseFile file;
    private final long rootPage;
    private final long lower;
    private final long upper;
    private final boolean bounded;
    /** Per level from the root: the page, its number, its b-tree header's offset, cell count and current cell. */
    private final byte[][] pages = new byte[MAX_DEPTH][];
    private final long[] pageNumbers = new long[MAX_DEPTH];
    private final int[] headers = new int[MAX_DEPTH];
    private final int[] cells = new int[MAX_DEPTH];
    private final int[] positions = new int[MAX_DEPTH];
    private int depth = -1;
    private boolean started;
    private long rowid;
    private final Record record = new Record();
    private byte[] payload = new byte[0];
    private byte[] overflowPage;
    private final Supplier<String> location = this::where;

    /**
     * Makes a cursor before the first row of a range; {@link #next()} moves to it.
     *
     * @param file the database file, never null
     * @param rootPage the table's root page, from {@code sqlite_schema.rootpage}
     * @param lower the smallest rowid to read (inclusive), null for the first row
     * @param upper the rowid to stop before (exclusive), null for no end
     */
    public TableCursor(DatabaseFile file, long rootPage, Long lower, Long upper) {
        this.file = file;
        this.rootPage = rootPage;
        this.lower = lower == null ? Long.MIN_VALUE : lower;
        this.bounded = upper != null;
        this.upper = bounded ? upper : Long.MAX_VALUE;
    }

    /**
     * Moves to the next row in the range.
     *
     * @return false when there is none
     * @throws IOException when the file cannot be read
     * @throws PageFormatException when a page is not a table b-tree page (an index, a WITHOUT ROWID table) or is
     *     malformed
     */
    public boolean next() throws IOException {
        try {
            if (!started) {
                started = true;
                descend(rootPage, lower, 0);
            } else if (depth < 0) {
                return false; // the end was reached before
            } else {
                positions[depth]++;
            }
            while (depth >= 0 && positions[depth] >= cells[depth] + (isLeaf(depth) ? 0 : 1)) {
                depth--; // this page is done: on to its parent's next child
                if (depth >= 0) {
                    positions[depth]++;
                    if (positions[depth] <= cells[depth]) {
                        descend(child(depth), Long.MIN_VALUE, depth + 1);
                    }
                }
            }
            if (depth < 0) {
                return false;
            }
            readCell();
            if (bounded && rowid >= upper) {
                depth = -1;
                return false;
            }
            return true;
        } catch (IndexOutOfBoundsException e) {
            throw new PageFormatException(where() + ": a cell or record runs past the page");
        }
    }

    /** The current row's rowid. */
    public long rowid() {
        return rowid;
    }

    /** The current row's record, valid until {@link #next()}; never null. */
    public Record record() {
        return record;
    }

    /** Reads pages from {@code page} at {@code level} down to a leaf, each positioned at the first key ≥ key. */
    private void descend(long page, long key, int level) throws IOException {
        long number = page;
        for (int at = level;; at++) {
            if (at == MAX_DEPTH) {
                throw new PageFormatException(file.path() + ": the b-tree from page " + rootPage + " is deeper than "
                        + MAX_DEPTH + " levels, so its pages form a cycle");
            }
            load(number, at);
            depth = at;
            positions[at] = firstAtLeast(at, key);
            if (isLeaf(at)) {
                return;
            }
            number = child(at);
        }
    }

    private void load(long number, int level) throws IOException {
        if (pages[level] == null) {
            pages[level] = new byte[file.pageSize()];
        }
        byte[] page = pages[level];
        file.readPage(number, page);
        pageNumbers[level] = number;
        int header = number == 1 ? 100 : 0; // page 1 starts with the database header
        int type = page[header] & 0xff;
        if (type != LEAF && type != INTERIOR) {
            throw new PageFormatException(file.path() + ": page " + number + " of the b-tree from page " + rootPage
                    + " is not a table b-tree page (type " + type + "): an index, a WITHOUT ROWID table or a "
                    + "malformed file");
        }
        headers[level] = header;
        cells[level] = DatabaseFile.u16(page, header + 3);
        if (header + headerSize(type) + 2 * cells[level] > file.usableSize()) {
            throw new PageFormatException(file.path() + ": page " + number + " claims " + cells[level]
                    + " cells, more than it can hold");
        }
    }

    /** The first cell at a level whose key is ≥ key (rowids ascend within a page); the cell count for none. */
    private int firstAtLeast(int level, long key) {
        if (key == Long.MIN_VALUE) {
            return 0;
        }
        int low = 0;
        int high = cells[level];
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keyOf(level, middle) < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** A cell's key: the rowid of a leaf cell, the largest rowid of the left child of an interior cell. */
    private long keyOf(int level, int cell) {
        byte[] page = pages[level];
        int at = cellOffset(level, cell);
        if (isLeaf(level)) {
            return Varint.read(page, at + Varint.length(page, at)); // after the payload size
        }
        return Varint.read(page, at + 4); // after the left child's page number
    }

    /** The child page an interior level is positioned at: a cell's left child, or the right-most pointer. */
    private long child(int level) {
        byte[] page = pages[level];
        int position = positions[level];
        return position < cells[level] ? DatabaseFile.u32(page, cellOffset(level, position))
                : DatabaseFile.u32(page, headers[level] + 8);
    }

    private int cellOffset(int level, int cell) {
        int header = headers[level];
        int pointers = header + headerSize(pages[level][header] & 0xff);
        int offset = DatabaseFile.u16(pages[level], pointers + 2 * cell);
        if (offset < pointers + 2 * cells[level] || offset >= file.usableSize()) {
            throw new PageFormatException(where() + ": cell " + cell + " starts at byte " + offset
                    + ", outside the page's cell content area (bytes " + (pointers + 2 * cells[level]) + " to "
                    + file.usableSize() + ")");
        }
        return offset;
    }

    private boolean isLeaf(int level) {
        return (pages[level][headers[level]] & 0xff) == LEAF;
    }

    private static int headerSize(int type) {
        return type == LEAF ? 8 : 12;
    }

    /** Reads the leaf cell the cursor is on: its rowid, and its record, gathered from overflow pages if need be. */
    private void readCell() throws IOException {
        byte[] page = pages[depth];
        int at = cellOffset(depth, positions[depth]);
        long size = Varint.read(page, at);
        at += Varint.length(page, at);
        rowid = Varint.read(page, at);
        at += Varint.length(page, at);
        int usable = file.usableSize();
        if (size > Integer.MAX_VALUE) {
            throw new PageFormatException(where() + ": the record of rowid " + rowid + " claims " + size + " bytes");
        }
        long local = localBytes(size, usable);
        if (at + local + (local < size ? 4 : 0) > usable) { // an overflowing record ends in a 4-byte page number
            throw new PageFormatException(where() + ": the record of rowid " + rowid + " runs past the page");
        }
        if (local == size) {
            record.decode(page, at, (int) size, location);
            return;
        }
        record.decode(gather(page, at, (int) local, size), 0, (int) size, location);
    }

    /**
     * The bytes of a record's payload kept on the leaf page itself (§1.6, "the amount of payload that spills onto
     * overflow pages"): all of it up to {@code usable - 35} bytes, else a share computed so that overflow pages
     * are filled.
     */
    static long localBytes(long size, int usable) {
        int most = usable - 35;
        if (size <= most) {
            return size;
        }
        int least = (usable - 12) * 32 / 255 - 23;
        long share = least + (size - least) % (usable - 4);
        return share <= most ? share : least;
    }

    /** The whole payload: the part on the leaf page, then each overflow page's bytes after its next-page number. */
    private byte[] gather(byte[] page, int at, int local, long size) throws IOException {
        int usable = file.usableSize();
        if (size > (long) usable * file.pageCount()) {
            throw new PageFormatException(where() + ": the record of rowid " + rowid + " claims " + size
                    + " bytes, more than the file holds");
        }
        if (payload.length < size) {
            payload = new byte[(int) Math.max(size, payload.length * 2L)];
        }
        if (overflowPage == null) {
            overflowPage = new byte[file.pageSize()];
        }
        System.arraycopy(page, at, payload, 0, local);
        int filled = local;
        long next = DatabaseFile.u32(page, at + local);
        while (filled < size) {
            file.readPage(next, overflowPage);
            int part = (int) Math.min(usable - 4, size - filled);
            System.arraycopy(overflowPage, 4, payload, filled, part);
            filled += part;
            next = DatabaseFile.u32(overflowPage, 0);
        }
        return payload;
    }

    private String where() {
        return file.path() + ", page " + (depth >= 0 ? pageNumbers[depth] : rootPage);
    }
}
