package io.dbferry.transfer.profile;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Finds one source row again after the scan: by rowid, or by its primary-key values in a {@code WITHOUT
 * ROWID} table (whose primary key SQLite keeps NOT NULL and unique). Comparable with {@code equals}: BLOB key
 * values are held as {@link ByteBuffer}s.
 *
 * @param rowid the rowid, null when the row is found by its primary key
 * @param primaryKey the raw primary-key values in key order, empty when found by rowid; never null
 */
record RowLocator(Long rowid, List<Object> primaryKey) {

    /** Copies the key values. */
    RowLocator {
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * A locator by rowid.
     *
     * @param rowid the rowid
     * @return never null
     */
    static RowLocator ofRowid(long rowid) {
        return new RowLocator(rowid, List.of());
    }

    /**
     * A locator by primary key.
     *
     * @param values the raw key values (Long, Double, String or byte[]), none NULL; never null
     * @return never null
     */
    static RowLocator ofPrimaryKey(List<SourceValue> values) {
        return new RowLocator(null, values.stream()
                .map(v -> v.value() instanceof byte[] b ? (Object) ByteBuffer.wrap(b) : v.value()).toList());
    }

    /** The key values to bind in a query: BLOBs back as {@code byte[]}. */
    List<Object> bindValues() {
        return primaryKey.stream().map(v -> v instanceof ByteBuffer b ? (Object) b.array() : v).toList();
    }
}
