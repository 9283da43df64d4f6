package io.dbferry.transfer.verify;

import io.dbferry.transfer.profile.SourceValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the chunks of a SQLite table from its keys in key order, checking that each key value sorts as its
 * target value will (see {@link KeyColumns}); a key that does not gets a plan with a problem, and the table is
 * compared as a multiset. Reads through its {@link SqliteRows}; one plan at a time.
 */
final class SqliteKeyPlanner {

    private final SqliteRows rows;
    private final KeyColumns key;
    private final boolean utf16;
    private final String encoding;

    /**
     * @param rows the table's rows, which run the queries; never null
     * @param key its key columns, never null
     * @param utf16 whether the database stores text as UTF-16
     * @param encoding the database's text encoding, for messages; never null
     */
    SqliteKeyPlanner(SqliteRows rows, KeyColumns key, boolean utf16, String encoding) {
        this.rows = rows;
        this.key = key;
        this.utf16 = utf16;
        this.encoding = encoding;
    }

    /**
     * Plans the chunks.
     *
     * @param chunkRows rows per chunk, ≥ 2
     * @return never null
     */
    KeyPlan plan(int chunkRows) {
        if (!onlyIntegerKeys()) {
            return checkedPlan(chunkRows);
        }
        KeyPlan dense = key.parts().size() == 1 ? densePlan(chunkRows) : null;
        return dense != null ? dense : integerPlan(chunkRows);
    }

    /**
     * Whether every key column is an integer one and holds only INTEGER values (so no NULL) — known for the rowid
     * ({@link #keyIsRowid}), else checked by SQLite in one scan, so that the keys need not be read with their
     * storage class one by one.
     */
    private boolean onlyIntegerKeys() {
        if (!key.parts().stream().allMatch(p -> p.kind() == KeyColumns.Kind.INTEGER)) {
            return false;
        }
        if (keyIsRowid()) {
            return true;
        }
        String sql = "select count(*)" + rows.from() + " where " + String.join(" or ",
                rows.keyColumnNames().stream().map(c -> "typeof(" + c + ") <> 'integer'").toList());
        return rows.query(sql, List.of(), KeyRange.ALL, rs -> rs.next() && rs.getLong(1) == 0);
    }

    /**
     * Whether the key is the table's rowid ({@link SqliteRows#isRowidAlias}), which holds only integers and never
     * NULL — so it needs no scan to prove it; when SQLite's plan does not say so, the keys are scanned.
     */
    boolean keyIsRowid() {
        return key.parts().size() == 1 && rows.isRowidAlias(key.parts().getFirst().column().source().name());
    }

    /**
     * The plan of a single integer key most of whose range is taken — the usual ascending ids, with some rows
     * deleted: the chunks are equal ranges of key values, computed from the key's minimum and maximum (b-tree
     * look-ups) and the row count (SQLite's {@code count(*)} reads the smallest b-tree of the table, in C), where
     * {@link #integerPlan} steps over every key. Only for keys {@link #onlyIntegerKeys} has proven free of NULL:
     * {@code count(*)} would count rows that {@code min} and {@code max} skip. Chunks are at most
     * {@code chunkRows} rows where every value between the minimum and the maximum is a key, and at most
     * {@code 2 × chunkRows} since at least half the values must be keys.
     *
     * @return null when fewer than half the values between the minimum and the maximum are keys, or the span
     *     does not fit a long; {@link #integerPlan} then plans
     */
    private KeyPlan densePlan(int chunkRows) {
        String column = rows.keyColumnNames().getFirst();
        long count = rows.count();
        if (count == 0) {
            return new KeyPlan(List.of(), null);
        }
        long min = longOf("select min(" + column + ")" + rows.from());
        long max = longOf("select max(" + column + ")" + rows.from());
        long span;
        try {
            span = Math.addExact(Math.subtractExact(max, min), 1);
        } catch (ArithmeticException e) {
            return null;
        }
        if (span - count > count) {
            return null;
        }
        long chunks = Math.ceilDiv(count, chunkRows);
        long width = Math.ceilDiv(span, chunks);
        List<List<Object>> boundaries = new ArrayList<>();
        for (long i = 1; i < chunks && i * width < span; i++) { // i × width < span + chunks ≤ 3 × count: no overflow
            boundaries.add(List.of(min + i * width));
        }
        return new KeyPlan(boundaries, null);
    }

    private long longOf(String sql) {
        return rows.query(sql, List.of(), KeyRange.ALL, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /**
     * The plan of integer keys: only every {@code chunkRows}-th key is read, each by one query that has SQLite
     * step over the keys before it ({@code limit 1 offset chunkRows} from the last boundary on) instead of
     * handing every key through JDBC (the benchmark's orders: 0.43 s against 0.53 s, while nothing else runs).
     */
    private KeyPlan integerPlan(int chunkRows) {
        String keys = String.join(", ", rows.keyColumnNames());
        String order = " order by " + String.join(", ", rows.keyExpressions()) + " limit 1 offset " + chunkRows;
        List<List<Object>> boundaries = new ArrayList<>();
        List<Object> boundary = nextBoundary("select " + keys + rows.from() + order, List.of());
        while (boundary != null) {
            boundaries.add(boundary);
            RangeSql from = RangeSql.of(rows.keyExpressions(), new KeyRange(boundary, null));
            boundary = nextBoundary("select " + keys + rows.from() + from.where() + order, from.binds());
        }
        return new KeyPlan(boundaries, null);
    }

    /** The integer key a query returns, null when it returns no row. */
    private List<Object> nextBoundary(String sql, List<Object> binds) {
        return rows.query(sql, binds, KeyRange.ALL, rs -> {
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
        String sql = "select " + String.join(", ", rows.keyColumnNames().stream().map(c -> c + ", typeof(" + c + ")")
                .toList()) + rows.from() + " order by " + String.join(", ", rows.keyExpressions());
        List<List<Object>> boundaries = new ArrayList<>();
        return rows.query(sql, List.of(), KeyRange.ALL, rs -> {
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
}
