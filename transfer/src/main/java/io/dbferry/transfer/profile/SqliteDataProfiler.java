package io.dbferry.transfer.profile;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Profiles the values of SQLite source tables for {@code dbferry compare}: SQLite is dynamically typed
 * (https://www.sqlite.org/datatype3.html), so a column's declared type says little about what its rows hold.
 * One scan per table reads every value beside its {@code typeof()} and passes it through the transform the
 * migration would use; it reports, per column, values the transform rejects (with the matching
 * {@link IssueCode}), unusual storage classes ({@code MIXED_STORAGE_CLASS}), numbers mixed with text in a
 * time column ({@code EPOCH_ISO_MIXTURE}), UTC offsets a {@code timestamp} drops ({@code TIME_ZONE_DROPPED}),
 * NaN and ±Infinity ({@code NAN_OR_INFINITY}; SQLite itself stores a NaN as NULL,
 * https://www.sqlite.org/floatingpoint.html) and NULLs in a NOT NULL target ({@code NULL_IN_NOT_NULL}); per
 * target unique key, rows whose converted values collide ({@code DUPLICATE_KEY}); per mapped foreign key,
 * orphaned rows ({@code ORPHAN_ROW}, found by SQLite's {@code PRAGMA foreign_key_check}) and parent keys
 * SQLite cannot check ({@code FOREIGN_KEY_MISMATCH}).
 *
 * <p>Memory: the scan streams, except for the duplicate-key check. For a unique key with a column whose
 * transform normalises values (boolean, uuid, date/time/timestamp, jsonb, numeric, double precision) the
 * converted key of every scanned row is held until the table is done, with the row's rowid — roughly 100
 * bytes per row and key, more for long text; use {@code sampleRows} to bound it. Keys of integer, text and
 * bytea columns hold only the rows whose values could collide (an unusual storage class, text cut by
 * {@code char}/{@code varchar(n)}), relying on SQLite's own uniqueness for the rest.
 *
 * <p>Each issue counts the affected rows and carries up to five examples: the row's primary key (or rowid)
 * and the value as SQL-like text. Never writes to the database. Not thread-safe; the connection is owned by
 * the caller.
 */
public final class SqliteDataProfiler {

    private final Connection connection;

    /**
     * Creates a profiler on an open source connection.
     *
     * @param connection an open SQLite connection, read-only is enough; owned (and closed) by the caller
     * @throws NullPointerException when connection is null
     */
    public SqliteDataProfiler(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Profiles one table: its values, unique keys and foreign keys.
     *
     * @param table the mapped table; its source is read, its target types decide what is reported; never null
     * @param sampleRows the most rows to read, the first ones in rowid order (primary-key order for a
     *     {@code WITHOUT ROWID} table); 0 for every row. The key and foreign-key checks cover the same rows,
     *     except that a duplicate found by looking a suspect up may lie beyond them
     * @return the rows scanned and the issues found, never null
     * @throws IllegalArgumentException when sampleRows is negative
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails while reading
     */
    public TableProfile profile(MappedTable table, long sampleRows) {
        Objects.requireNonNull(table, "table");
        if (sampleRows < 0) {
            throw new IllegalArgumentException("sampleRows must be ≥ 0 (0 for every row), was " + sampleRows);
        }
        TableRows rows = new TableRows(connection, table);
        List<ColumnProfile> columns = columnProfiles(table);
        KeyCollisions keys = new KeyCollisions(table, columns, rows);
        long scanned = rows.scan(sampleRows, row -> accept(row, rows, columns, keys));
        List<CompatibilityIssue> issues = new ArrayList<>();
        columns.forEach(c -> issues.addAll(c.issues()));
        issues.addAll(keys.issues(rows));
        issues.addAll(new OrphanCheck(connection, table, rows).issues());
        return new TableProfile(rows.name(), scanned, issues);
    }

    private static void accept(ProfiledRow row, TableRows rows, List<ColumnProfile> columns, KeyCollisions keys) {
        Object[] converted = new Object[columns.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = columns.get(i).accept(row.value(i), () -> rows.keys().key(row));
        }
        keys.accept(row, converted, () -> rows.keys().locator(row));
    }

    private static List<ColumnProfile> columnProfiles(MappedTable table) {
        String name = table.source().id().name();
        Set<String> primaryKey = table.source().primaryKey() == null ? Set.of()
                : table.source().primaryKey().columns().stream().map(c -> c.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        List<ColumnProfile> columns = new ArrayList<>();
        for (MappedColumn column : table.columns()) {
            columns.add(new ColumnProfile(name, column,
                    primaryKey.contains(column.source().name().toLowerCase(Locale.ROOT))));
        }
        return columns;
    }
}
