package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.profile.SourceValue;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.transform.JsonTransform;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import io.dbferry.transfer.write.CopyData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The source side: rows read with their storage class ({@link StorageClasses}; TEXT decoded strictly, as
 * {@link SourceValue} does), passed through each column's transform — the one {@code migrate} uses — and made
 * canonical (plain JSON in one scan, {@link PlainJson}).
 * A value the transform rejects gets {@link CanonicalValue#rejected(String)}, which equals no target value.
 * Key columns are compared in the BINARY collation, whatever collation the column declares.
 */
final class SqliteRows extends TableRows {

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);

    private final Connection connection;
    private final MappedTable table;
    private final KeyColumns key;
    private final ValueTransform[] transforms;
    private final String select;
    private final String encoding;
    private final boolean utf16;
    /** The storage classes of the result {@link #classesOf}. */
    private StorageClasses.Reader classes;
    private ResultSet classesOf;
    /** Encodes rows for {@link #binaryDigest}; made on first use. */
    private StoredRow storedRow;
    /** Reads {@link #binaryDigest}'s rows from the file's pages where it can; null where it cannot. */
    private PageDigests pages;
    private boolean pagesLookedUp;

    /**
     * @param key the key columns, null to read the table only whole (as a multiset)
     */
    SqliteRows(Connection connection, MappedTable table, KeyColumns key) {
        this(connection, table, key, Transforms::forColumn);
    }

    /**
     * @param key the key columns, null to read the table only whole (as a multiset)
     * @param transforms the transform reading each column's SQLite values as its PostgreSQL type
     */
    SqliteRows(Connection connection, MappedTable table, KeyColumns key,
            Function<MappedColumn, ValueTransform> transforms) {
        this.connection = connection;
        this.table = table;
        this.key = key;
        this.transforms = table.columns().stream().map(transforms).toArray(ValueTransform[]::new);
        List<String> values = new ArrayList<>();
        for (MappedColumn column : table.columns()) {
            values.add(SQLITE.render(SqliteTableReader.valueField(column)));
        }
        this.select = "select " + String.join(", ", values) + " from " + tableName();
        try {
            this.encoding = SqliteSource.encoding(connection);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading the text encoding of the SQLite "
                    + "side: " + e.getMessage(), e);
        }
        this.utf16 = !"UTF-8".equalsIgnoreCase(encoding);
    }

    /** Whether the database stores text as UTF-16 ({@code PRAGMA encoding}, read once by the constructor). */
    boolean utf16() {
        return utf16;
    }

    @Override
    String select() {
        return select;
    }

    /**
     * Plans the chunks from the keys in key order, checking each key value sorts as its target value will.
     *
     * @param chunkRows rows per chunk, ≥ 2
     * @return never null
     */
    @Override
    KeyPlan plan(int chunkRows) {
        return new SqliteKeyPlanner(this, key, utf16, encoding).plan(chunkRows);
    }

    @Override
    List<Object> keyAt(KeyRange range, long offset) {
        RangeSql where = where(range);
        List<Object> binds = new ArrayList<>(where.binds());
        binds.add(offset);
        String sql = "select " + String.join(", ", key.parts().stream().map(this::name).toList()) + " from "
                + tableName() + where.where() + " order by " + String.join(", ", keyExpressions())
                + " limit 1 offset ?";
        return query(sql, binds, range, rs -> {
            rs.next();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < key.parts().size(); i++) {
                values.add(rs.getObject(i + 1) instanceof Integer n ? Long.valueOf(n) : rs.getObject(i + 1));
            }
            return values;
        });
    }

    @Override
    CanonicalRow row(ResultSet rs) throws SQLException {
        Object[] raw = new Object[transforms.length];
        String[] values = canonicalValues(rs, raw);
        List<Object> keyValues = key == null ? List.of()
                : key.parts().stream().map(p -> raw[p.index()]).toList();
        return new CanonicalRow(keyValues, Arrays.asList(values));
    }

    @Override
    String[] canonicalValues(ResultSet rs) throws SQLException {
        return canonicalValues(rs, new Object[transforms.length]);
    }

    /** Reads each value by its storage class, keeping it in {@code raw}, and returns the canonical texts. */
    private String[] canonicalValues(ResultSet rs, Object[] raw) throws SQLException {
        String[] values = new String[transforms.length];
        StorageClasses.Reader classes = storageClasses(rs);
        for (int i = 0; i < transforms.length; i++) {
            raw[i] = classes.value(i, classes.storageClass(i));
            values[i] = raw[i] == null ? null : canonical(i, raw[i]);
        }
        return values;
    }

    /** The storage classes of the current row of {@code rs}: the reader of the last result, or a new one. */
    private StorageClasses.Reader storageClasses(ResultSet rs) throws SQLException {
        if (classesOf != rs) {
            classes = new StorageClasses.Reader(rs, utf16);
            classesOf = rs;
        }
        return classes;
    }

    private String canonical(int column, Object value) {
        if (transforms[column] instanceof JsonTransform && value instanceof String text) {
            Optional<String> accepted = CanonicalJson.ofAccepted(text);
            if (accepted.isPresent()) {
                return accepted.get(); // what the transform would pass unchanged, made canonical in one parse
            }
        }
        return switch (transforms[column].apply(value)) {
            case TransformResult.Converted c -> CanonicalValue.of(table.columns().get(column).targetType(), c.value());
            case TransformResult.Rejected r -> CanonicalValue.rejected(r.message() + " [" + r.reason() + "]");
        };
    }

    /**
     * Hashes each row as the binary COPY tuple {@code migrate} would send, in the form the target stores it: read
     * from the file's pages where {@link PageDigests} can, else through SQL.
     */
    @Override
    ChunkDigest binaryDigest(KeyRange range) {
        StoredRow encoder = storedRow();
        if (!pagesLookedUp) {
            pages = PageDigests.of(this, connection, table, key).orElse(null);
            pagesLookedUp = true;
        }
        Optional<ChunkDigest> fromPages = pages == null ? Optional.empty() : pages.digest(range, encoder);
        return fromPages.isPresent() ? fromPages.get() : binaryDigestThroughSql(range);
    }

    /** {@link #binaryDigest} with the rows read through SQL, as SQLite returns them. */
    ChunkDigest binaryDigestThroughSql(KeyRange range) {
        StoredRow encoder = storedRow();
        RangeSql where = where(range);
        return query(select + where.where(), where.binds(), range, rs -> {
            ChunkDigest.Builder digest = new ChunkDigest.Builder();
            StorageClasses.Reader classes = storageClasses(rs);
            while (rs.next()) {
                CopyData row = encoder.of(classes);
                digest.add(row.bytes(), 0, row.length());
            }
            return digest.build();
        });
    }

    /** Encodes rows for the binary digests; one per reader, made on first use. */
    StoredRow storedRow() {
        if (storedRow == null) {
            storedRow = new StoredRow(table, transforms, utf16);
        }
        return storedRow;
    }

    /**
     * Whether a column is the table's rowid: declared {@code INTEGER PRIMARY KEY} in a rowid table, so it holds
     * only integers, never NULL (https://www.sqlite.org/lang_createtable.html#rowid). SQLite's own query plan for
     * an equality on the column says so ({@code SEARCH t USING INTEGER PRIMARY KEY (rowid=?)},
     * https://www.sqlite.org/eqp.html); it also tells the look-alikes apart that are not the rowid
     * ({@code INTEGER PRIMARY KEY DESC}, {@code INT PRIMARY KEY}, {@code WITHOUT ROWID} tables). Should a SQLite
     * version word its plans differently, the answer is false.
     *
     * @param column the column's name in SQLite, never null
     */
    boolean isRowidAlias(String column) {
        String sql = "explain query plan select 1" + from() + " where " + SQLITE.render(DSL.name(column)) + " = 0";
        return query(sql, List.of(), KeyRange.ALL, rs -> {
            boolean rowid = false;
            while (rs.next()) {
                // columns: id, parent, notused, detail
                rowid |= rs.getString(4).endsWith(" USING INTEGER PRIMARY KEY (rowid=?)");
            }
            return rowid;
        });
    }

    @Override
    RangeSql where(KeyRange range) {
        return key == null ? new RangeSql("", List.of()) : RangeSql.of(keyExpressions(), range);
    }

    /** The key columns compared in the BINARY collation, in key order. */
    List<String> keyExpressions() {
        return key.parts().stream().map(p -> name(p) + " collate binary").toList();
    }

    @Override
    String from() {
        return " from " + tableName();
    }

    @Override
    List<String> keyColumnNames() {
        return key == null ? List.of() : key.parts().stream().map(this::name).toList();
    }

    private String name(KeyColumns.Part part) {
        return SQLITE.render(DSL.name(part.column().source().name()));
    }

    private String tableName() {
        return SQLITE.render(DSL.name(table.source().id().name()));
    }

    @Override
    <T> T query(String sql, List<Object> binds, KeyRange range, ResultReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading " + table.source().id().name()
                    + " from the SQLite side (key range " + range + "): " + e.getMessage(), e);
        }
    }
}
