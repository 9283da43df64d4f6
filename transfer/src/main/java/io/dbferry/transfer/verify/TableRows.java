package io.dbferry.transfer.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one table on one side, read by key range. Implementations wrap {@code SQLException} in a
 * {@code DbferryException} with {@code VERIFY_FAILED} naming the side, table and range. Not thread-safe: an
 * instance is used by one thread at a time, through its own connection; each worker of a side has its own.
 */
abstract sealed class TableRows permits SqliteRows, PostgresRows, PostgresTextRows {

    /** Reads a query's result. */
    interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Counts all rows of the table.
     *
     * @return rows, ≥ 0
     */
    final long count() {
        return count("");
    }

    /**
     * Counts the rows with NULL in a key column: the rows no key range holds. Asked instead of {@link #count()}
     * when the chunks' digests have counted the others.
     *
     * @return rows, ≥ 0
     * @throws IllegalStateException on a reader without key columns, which would be a bug in {@link Verifier}
     */
    final long nullKeyRows() {
        List<String> columns = keyColumnNames();
        if (columns.isEmpty()) {
            throw new IllegalStateException("a table read whole has no key to be NULL");
        }
        return count(" where " + String.join(" or ", columns.stream().map(c -> c + " is null").toList()));
    }

    /** Counts the rows a WHERE clause (with a leading space, or empty) selects. */
    private long count(String where) {
        return query("select count(*)" + from() + where, List.of(), KeyRange.ALL, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The FROM clause naming the table, with a leading space. */
    abstract String from();

    /** The key columns' quoted names, empty for a table read whole. */
    abstract List<String> keyColumnNames();

    /**
     * Plans the chunks of a checksum verification from this side's keys in key order. {@link Verifier} asks the
     * SQLite side ({@link SqliteRows}) whenever there is one, and the source ({@link PostgresTextRows}) between two
     * PostgreSQL databases; {@link PostgresRows} is never asked and keeps this refusal.
     *
     * @param chunkRows rows per chunk, ≥ 2
     * @return never null
     * @throws IllegalStateException on a reader that does not plan, which would be a bug in {@link Verifier}
     */
    KeyPlan plan(int chunkRows) {
        throw new IllegalStateException(getClass().getSimpleName() + " does not plan chunks; the verifier asks the "
                + "SQLite side, or the source between two PostgreSQL databases");
    }

    /**
     * Counts the rows and hashes their canonical forms.
     *
     * @param range the key range, {@link KeyRange#ALL} for the whole table (the only range without a key)
     * @return never null
     */
    final ChunkDigest digest(KeyRange range) {
        RangeSql where = where(range);
        return query(select() + where.where(), where.binds(), range, rs -> {
            ChunkDigest.Builder digest = new ChunkDigest.Builder();
            while (rs.next()) {
                digest.add(canonicalValues(rs));
            }
            return digest.build();
        });
    }

    /**
     * Counts the rows and hashes their binary COPY form ({@link BinaryDigests}): compare only with the other
     * side's binary digest, and hash a chunk whose binary digests differ again with {@link #digest}, which
     * decides. Only the SQLite → PostgreSQL route has it.
     *
     * @param range the key range, {@link KeyRange#ALL} for the whole table
     * @return never null
     * @throws UnsupportedOperationException on a reader without a binary form, which would be a bug in
     *     {@link Verifier}
     */
    ChunkDigest binaryDigest(KeyRange range) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no binary digest");
    }

    /**
     * The key of the row at a position in key order.
     *
     * @param range the key range, never null
     * @param offset the 0-based position within the range, less than its row count
     * @return the key, never null
     */
    abstract List<Object> keyAt(KeyRange range, long offset);

    /**
     * Reads the rows of a range in canonical form.
     *
     * @param range the key range, never null
     * @return the rows in no particular order, never null
     */
    final List<CanonicalRow> rows(KeyRange range) {
        RangeSql where = where(range);
        return query(select() + where.where(), where.binds(), range, rs -> {
            List<CanonicalRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        });
    }

    /** The SELECT of every column of the table, without a WHERE clause. */
    abstract String select();

    /** The WHERE clause of a key range, with its bind values; empty for a table read whole. */
    abstract RangeSql where(KeyRange range);

    /** The current row of a result of {@link #select()} in canonical form. */
    abstract CanonicalRow row(ResultSet rs) throws SQLException;

    /** The canonical values of the current row of a result of {@link #select()}, null for NULL; never null. */
    abstract String[] canonicalValues(ResultSet rs) throws SQLException;

    /**
     * Runs a query and reads its result.
     *
     * @throws io.dbferry.introspect.DbferryException with {@code VERIFY_FAILED} naming the side, table and range
     */
    abstract <T> T query(String sql, List<Object> binds, KeyRange range, ResultReader<T> reader);
}
