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
        return onlyIntegerKeys() ? integerPlan(chunkRows) : checkedPlan(chunkRows);
    }

    /**
     * Whether every key column is an integer one and holds only INTEGER values — checked by SQLite in one
     * scan, so that the keys need not be read with their storage class one by one.
     */
    private boolean onlyIntegerKeys() {
        if (!key.parts().stream().allMatch(p -> p.kind() == KeyColumns.Kind.INTEGER)) {
            return false;
        }
        String sql = "select count(*) from " + tableName() + " where " + String.join(" or ",
                key.parts().stream().map(p -> "typeof(" + name(p) + ") <> 'integer'").toList());
        return query(sql, List.of(), KeyRange.ALL, rs -> rs.next() && rs.getLong(1) == 0);
    }

    /**
     * The plan of integer keys: only every {@code chunkRows}-th key is read, each by one query that has SQLite
     * step over the keys before it ({@code limit 1 offset chunkRows} from the last boundary on) instead of
     * handing every key through JDBC (the benchmark's orders: 0.43 s against 0.53 s, while nothing else runs).
     */
    private KeyPlan integerPlan(int chunkRows) {
        String keys = String.join(", ", key.parts().stream().map(this::name).toList());
        String order = " order by " + String.join(", ", keyExpressions()) + " limit 1 offset " + chunkRows;
        List<List<Object>> boundaries = new ArrayList<>();
        List<Object> boundary = nextBoundary("select " + keys + " from " + tableName() + order, List.of());
        while (boundary != null) {
            boundaries.add(boundary);
            RangeSql from = RangeSql.of(keyExpressions(), new KeyRange(boundary, null));
            boundary = nextBoundary("select " + keys + " from " + tableName() + from.where() + order, from.binds());
        }
        return new KeyPlan(boundaries, null);
    }

    /** The integer key a query returns, null when it returns no row. */
    private List<Object> nextBoundary(String sql, List<Object> binds) {
        return query(sql, binds, KeyRange.ALL, rs -> {
            if (!rs.next()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < key.parts().size(); i++) {
                values.add(rs.getLong(i + 1));
            }
            return values;
        });
    }

    /**
     * The plan of other keys: each key value read with its storage class and checked. In a UTF-16 database
     * SQLite's BINARY collation compares UTF-16 bytes, which is code-point order for ASCII text only
     * (https://www.sqlite.org/datatype3.html#collation), so a key with other characters is checked too.
     */
    private KeyPlan checkedPlan(int chunkRows) {
        String sql = "select " + String.join(", ", key.parts().stream().map(p -> name(p) + ", typeof(" + name(p) + ")")
                .toList()) + " from " + tableName() + " order by " + String.join(", ", keyExpressions());
        List<List<Object>> boundaries = new ArrayList<>();
        return query(sql, List.of(), KeyRange.ALL, rs -> {
            for (long row = 0; rs.next(); row++) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < key.parts().size(); i++) {
                    SourceValue value = SourceValue.read(rs, 2 * i + 1, utf16);
                    if (!KeyColumns.fits(key.parts().get(i), value)) {
                        return new KeyPlan(List.of(), problem(key.parts().get(i), value));
                    }
                    if (utf16 && value.value() instanceof String text && !isAscii(text)) {
                        return new KeyPlan(List.of(), "primary key column \"" + key.parts().get(i).column().source()
                                .name() + "\" holds " + ValueDisplay.truncate(text) + ", which the " + encoding
                                + " source does not sort as PostgreSQL sorts it (UTF-16 bytes against code points)");
                    }
                    values.add(value.value());
                }
                if (row > 0 && row % chunkRows == 0) {
                    boundaries.add(values);
                }
            }
            return new KeyPlan(boundaries, null);
        });
    }

    @Override
    long count() {
        return query("select count(*) from " + tableName(), List.of(), KeyRange.ALL, rs -> {
            rs.next();
            return rs.getLong(1);
        });
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
            raw[i] = StorageClasses.read(rs, i + 1, classes.at(i + 1), utf16);
            values[i] = raw[i] == null ? null : canonical(i, raw[i]);
        }
        return values;
    }

    /** The storage classes of the current row of {@code rs}: the reader of the last result, or a new one. */
    private StorageClasses.Reader storageClasses(ResultSet rs) throws SQLException {
        if (classesOf != rs) {
            classes = new StorageClasses.Reader(rs);
            classesOf = rs;
        }
        return classes;
    }

    private String canonical(int column, Object value) {
        if (transforms[column] instanceof JsonTransform && value instanceof String text) {
            Optional<String> accepted = PlainJson.canonical(text).or(() -> CanonicalJson.ofAccepted(text));
            if (accepted.isPresent()) {
                return accepted.get(); // what the transform would pass unchanged, made canonical in one parse
            }
        }
        return switch (transforms[column].apply(value)) {
            case TransformResult.Converted c -> CanonicalValue.of(table.columns().get(column).targetType(), c.value());
            case TransformResult.Rejected r -> CanonicalValue.rejected(r.message() + " [" + r.reason() + "]");
        };
    }

    /** Hashes each row as the binary COPY tuple {@code migrate} would send, in the form the target stores it. */
    @Override
    ChunkDigest binaryDigest(KeyRange range) {
        if (storedRow == null) {
            storedRow = new StoredRow(table, transforms, utf16);
        }
        RangeSql where = where(range);
        return query(select + where.where(), where.binds(), range, rs -> {
            ChunkDigest.Builder digest = new ChunkDigest.Builder();
            StorageClasses.Reader classes = storageClasses(rs);
            while (rs.next()) {
                CopyData row = storedRow.of(rs, classes);
                digest.add(row.bytes(), 0, row.length());
            }
            return digest.build();
        });
    }

    @Override
    RangeSql where(KeyRange range) {
        return key == null ? new RangeSql("", List.of()) : RangeSql.of(keyExpressions(), range);
    }

    private List<String> keyExpressions() {
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

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String problem(KeyColumns.Part part, SourceValue value) {
        return "primary key column \"" + part.column().source().name() + "\" holds " + value.storageClass()
                + (value.isNull() ? "" : " " + ValueDisplay.truncate(String.valueOf(value.value())))
                + ", which does not sort as its " + part.column().targetType() + " value in PostgreSQL";
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
