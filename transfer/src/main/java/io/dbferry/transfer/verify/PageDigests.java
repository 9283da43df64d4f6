package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.transfer.read.sqlitefile.DatabaseFile;
import io.dbferry.transfer.read.sqlitefile.PageFormatException;
import io.dbferry.transfer.read.sqlitefile.TableCursor;
import io.dbferry.transfer.write.CopyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The source side's binary digests ({@link TableRows#binaryDigest}) read straight from the SQLite file's pages
 * ({@link TableCursor}) instead of through SQLite: the same rows, values and {@link StoredRow} tuples, without a
 * JNI call per value — the larger part of the source side's time (benchmarks/RESULTS.md, 2026-12-03). For rowid
 * tables whose chunks are rowid ranges (the key is the rowid's alias) or which are read whole, in UTF-8
 * databases without hidden or generated columns. The chunk is read while this connection holds a
 * {@link ReadTransaction}, so the file's pages do not change meanwhile; only while no {@code -wal} file holds
 * frames, since the file's pages are then the whole database (https://www.sqlite.org/wal.html), and only while
 * the schema cookie is the one the table was looked up under. Whatever it does not take — a row older than an
 * added column, a page it cannot read — it leaves to SQLite: the chunk, and every later one of this worker, is
 * read through SQL. Not thread-safe: one per {@link SqliteRows}.
 */
final class PageDigests {

    private final Connection connection;
    private final Path file;
    private final long rootPage;
    private final long schemaVersion;
    private final boolean rowidKey;
    private final PageRow row;
    private boolean failed;

    private PageDigests(Connection connection, Path file, long rootPage, long schemaVersion, boolean rowidKey,
            PageRow row) {
        this.connection = connection;
        this.file = file;
        this.rootPage = rootPage;
        this.schemaVersion = schemaVersion;
        this.rowidKey = rowidKey;
        this.row = row;
    }

    /** A column as {@code pragma table_xinfo} describes it (https://www.sqlite.org/pragma.html#pragma_table_xinfo). */
    private record DeclaredColumn(String name, String type, boolean hidden, boolean key) {}

    /**
     * The page reader of a table, when its file and table can be read so.
     *
     * @param rows the table's SQL side, which runs the queries about it; never null
     * @param connection that side's connection, never null
     * @param table the mapped table, never null
     * @param key the key columns, null for a table read only whole
     * @return empty when the database is not a UTF-8 file, the table not a rowid table, or it has hidden columns
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when SQLite cannot answer about the table
     */
    static Optional<PageDigests> of(SqliteRows rows, Connection connection, MappedTable table, KeyColumns key) {
        String name = table.source().id().name();
        String path = rows.query("select file from pragma_database_list where name = 'main'", List.of(),
                KeyRange.ALL, rs -> rs.next() ? rs.getString(1) : "");
        // the schema version first: should the schema change after it, the pages' cookie differs from it
        long schemaVersion = rows.query("pragma schema_version", List.of(), KeyRange.ALL,
                rs -> rs.next() ? rs.getLong(1) : -1L);
        long rootPage = rows.query("select rootpage from sqlite_schema where type = 'table' and name = ?",
                List.of(name), KeyRange.ALL, rs -> rs.next() ? rs.getLong(1) : 0L);
        List<DeclaredColumn> columns = rows.query("select name, type, hidden, pk from pragma_table_xinfo(?) "
                + "order by cid", List.of(name), KeyRange.ALL, rs -> {
                    List<DeclaredColumn> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(new DeclaredColumn(rs.getString(1), rs.getString(2), rs.getInt(3) != 0,
                                rs.getInt(4) != 0));
                    }
                    return found;
                });
        if (path == null || path.isEmpty() || rows.utf16() || rootPage <= 0
                || columns.isEmpty() || columns.stream().anyMatch(DeclaredColumn::hidden)) {
            return Optional.empty();
        }
        return pageRow(rows, table, columns).map(row -> {
            boolean rowidKey = key != null && key.parts().size() == 1 && row.alias() >= 0
                    && key.parts().getFirst().index() == row.alias();
            return new PageDigests(connection, Path.of(path), rootPage, schemaVersion, rowidKey, row);
        });
    }

    /** Each mapped column's field, by name in the table's column order; empty when a column is not found. */
    private static Optional<PageRow> pageRow(SqliteRows rows, MappedTable table, List<DeclaredColumn> columns) {
        int count = table.columns().size();
        int[] fields = new int[count];
        boolean[] real = new boolean[count];
        boolean[] jsonb = new boolean[count];
        int alias = -1;
        long keyColumns = columns.stream().filter(DeclaredColumn::key).count();
        for (int i = 0; i < count; i++) {
            MappedColumn column = table.columns().get(i);
            fields[i] = field(columns, column.source().name());
            if (fields[i] < 0) {
                return Optional.empty();
            }
            DeclaredColumn declared = columns.get(fields[i]);
            real[i] = realAffinity(declared.type());
            jsonb[i] = column.targetType().type() == PostgresType.JSONB;
            if (keyColumns == 1 && declared.key() && "INTEGER".equalsIgnoreCase(declared.type())
                    && rows.isRowidAlias(declared.name())) {
                alias = i;
            }
        }
        return Optional.of(new PageRow(fields, real, jsonb, alias));
    }

    private static int field(List<DeclaredColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a declared type gives REAL affinity (https://www.sqlite.org/datatype3.html §3.1, rules in order):
     * it contains none of INT (rule 1), CHAR, CLOB, TEXT (rule 2), BLOB and is not empty (rule 3), and contains
     * REAL, FLOA or DOUB (rule 4).
     */
    static boolean realAffinity(String declaredType) {
        String type = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (type.isEmpty() || type.contains("INT") || type.contains("CHAR") || type.contains("CLOB")
                || type.contains("TEXT") || type.contains("BLOB")) {
            return false;
        }
        return type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB");
    }

    /**
     * Hashes the rows of a range as {@link StoredRow} tuples, read from the pages.
     *
     * @param range the chunk, never null
     * @param storedRow encodes each row, never null
     * @return empty when the range is not a rowid range, or a row or page is one to leave to SQLite (then every
     *     later call is empty too)
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when the read transaction cannot be begun or
     *     ended
     */
    Optional<ChunkDigest> digest(KeyRange range, StoredRow storedRow) {
        ChunkDigest.Builder digest = new ChunkDigest.Builder();
        boolean read = scan(range, row -> {
            CopyData tuple = storedRow.of(row);
            digest.add(tuple.bytes(), 0, tuple.length());
        });
        return read ? Optional.of(digest.build()) : Optional.empty();
    }

    /** Takes the rows {@link #scan} reads, one at a time. */
    @FunctionalInterface
    interface RowVisitor {
        /**
         * @param row the row, valid during the call only; never null
         * @throws SQLException when reading a value through the driver fails
         */
        void visit(SourceRow row) throws SQLException;
    }

    /**
     * Reads the rows of a range from the pages in rowid order, under a {@link ReadTransaction}.
     *
     * @param range the chunk, never null
     * @param visitor takes each row, never null
     * @return false when the range is not a rowid range, or a row or page is one to leave to SQLite (then every
     *     later call on this reader — this worker's connection — is false too): the visitor may have seen some
     *     rows, which the caller drops
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when the read transaction cannot be begun or
     *     ended
     */
    boolean scan(KeyRange range, RowVisitor visitor) {
        boolean whole = range.lower() == null && range.upper() == null;
        if (failed || !whole && !(rowidKey && isRowid(range.lower()) && isRowid(range.upper()))) {
            return false;
        }
        try (ReadTransaction locked = ReadTransaction.begin(connection)) {
            return scanLocked(bound(range.lower()), bound(range.upper()), visitor);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading the pages of " + file
                    + " under a read transaction on the SQLite side (key range " + range + "): " + e.getMessage(), e);
        }
    }

    private boolean scanLocked(Long lower, Long upper, RowVisitor visitor) throws SQLException {
        try {
            Path walFile = Path.of(file + "-wal");
            if (Files.exists(walFile) && Files.size(walFile) > 0) {
                return leaveToSqlite(); // frames the file's pages may lack, in whatever journal mode it is now
            }
            DatabaseFile database = DatabaseFile.read(file);
            if (database.schemaCookie() != schemaVersion) {
                return leaveToSqlite(); // the schema changed since the root page and columns were read
            }
            TableCursor cursor = new TableCursor(database, rootPage, lower, upper);
            while (cursor.next()) {
                if (!row.at(cursor.record(), cursor.rowid())) {
                    return leaveToSqlite();
                }
                visitor.visit(row);
            }
            return true;
        } catch (IOException | PageFormatException e) {
            return leaveToSqlite(); // SQLite reads the same rows next, and says so in its words if the file is bad
        }
    }

    private boolean leaveToSqlite() {
        failed = true;
        return false;
    }

    private static boolean isRowid(List<Object> key) {
        return key == null || key.getFirst() instanceof Long || key.getFirst() instanceof Integer;
    }

    private static Long bound(List<Object> key) {
        return key == null ? null : ((Number) key.getFirst()).longValue();
    }
}
