package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.mapping.SqliteType;
import io.dbferry.transfer.profile.RejectIssueCodes;
import io.dbferry.transfer.profile.TableProfile;
import io.dbferry.transfer.transform.TransformResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Profiles the rows of PostgreSQL source tables for {@code dbferry compare} PostgreSQL → SQLite: one scan per table
 * through the cursor {@code migrate} reads with ({@link PostgresTableCursor}, primary-key order), each value
 * converted by {@link SqliteValueReader} exactly as {@code migrate} converts it, nothing written. It reports, per
 * column, the values the conversion rejects (the rows {@code migrate} would write to its reject files, with the
 * matching {@link IssueCode}: a year outside 1..9999 is {@code VALUE_OUT_OF_RANGE}), and NaN and ±Infinity that
 * SQLite keeps but not as the number ({@code NAN_OR_INFINITY}: a NaN REAL is stored as TEXT, numeric NaN and
 * ±Infinity as TEXT that the SQLite → PostgreSQL direction rejects on the way back).
 *
 * <p>Each issue counts the affected rows and carries up to five examples: the row's primary key (every column when
 * the table has none, as in the reject files) and PostgreSQL's text of the value. Memory is constant: the cursor
 * fetches {@value #FETCH_ROWS} rows at a time. Not thread-safe; the connection is owned by the caller and must not
 * be in auto-commit mode (pgjdbc reads through a cursor only inside a transaction).
 */
public final class PostgresDataProfiler {

    /** Rows per cursor fetch, as migrate reads. */
    private static final int FETCH_ROWS = 10_000;
    private static final Set<String> NOT_A_NUMBER = Set.of("NaN", "Infinity", "-Infinity");

    private final Connection connection;
    private final String schema;

    /**
     * Creates a profiler of one source schema.
     *
     * @param connection an open PostgreSQL connection inside a (read-only) transaction, not closed here
     * @param schema the source schema, exact, never null
     */
    public PostgresDataProfiler(Connection connection, String schema) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Profiles one table.
     *
     * @param table the mapped table, never null
     * @param sampleRows the most rows to read, the first in primary-key order; 0 for every row
     * @return the rows scanned and the issues found, never null
     * @throws IllegalArgumentException when sampleRows is negative
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} naming the table when PostgreSQL fails
     *     while the rows are read
     */
    public TableProfile profile(SqliteTable table, long sampleRows) {
        if (sampleRows < 0) {
            throw new IllegalArgumentException("sampleRows must be ≥ 0 (0 for every row), was " + sampleRows);
        }
        List<Map<IssueCode, ValueTally>> tallies = new ArrayList<>();
        table.columns().forEach(c -> tallies.add(new EnumMap<>(IssueCode.class)));
        long scanned = 0;
        try (PostgresTableCursor cursor = new PostgresTableCursor(connection, schema, table, FETCH_ROWS)) {
            ResultSet rs = cursor.rows();
            while ((sampleRows == 0 || scanned < sampleRows) && rs.next()) {
                scanned++;
                for (int i = 0; i < table.columns().size(); i++) {
                    accept(table, rs, i, tallies.get(i));
                }
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.SCHEMA_READ_FAILED, "failed reading the rows of \"" + schema
                    + "\".\"" + table.name() + "\" after " + scanned + " rows: " + e.getMessage(), e);
        }
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            SqliteColumn column = table.columns().get(i);
            tallies.get(i).forEach((code, tally) -> issues.add(issue(table, column, code, tally)));
        }
        return new TableProfile(table.name(), scanned, issues);
    }

    private static void accept(SqliteTable table, ResultSet rs, int index, Map<IssueCode, ValueTally> tallies)
            throws SQLException {
        SqliteColumn column = table.columns().get(index);
        TransformResult result = SqliteValueReader.read(rs, index + 1, column);
        IssueCode code = switch (result) {
            case null -> null;
            case TransformResult.Rejected r -> RejectIssueCodes.of(r.reason());
            case TransformResult.Converted c -> isNanOrInfinity(column, c.value()) ? IssueCode.NAN_OR_INFINITY : null;
        };
        if (code != null) {
            ValueTally tally = tallies.computeIfAbsent(code, c -> new ValueTally());
            tally.add(tally.wantsExample() ? new Example(key(table, rs), text(rs, index, column)) : null,
                    result instanceof TransformResult.Rejected r ? r.message() : null);
        }
    }

    /** NaN in a REAL column (stored as TEXT), NaN and ±Infinity in a numeric one (TEXT, refused on the way back). */
    private static boolean isNanOrInfinity(SqliteColumn column, Object converted) {
        SqliteType type = column.type().type();
        boolean numeric = type == SqliteType.NUMERIC || type == SqliteType.NUMERIC_TEXT;
        return converted instanceof String s && (type == SqliteType.REAL && s.equals("NaN")
                || numeric && NOT_A_NUMBER.contains(s));
    }

    /** The row's primary key, or every column when the table has none, as the reject files name rows. */
    private static Map<String, String> key(SqliteTable table, ResultSet rs) throws SQLException {
        List<String> names = table.columns().stream().map(SqliteColumn::name).toList();
        List<String> keyColumns = table.primaryKey() != null ? table.primaryKey().columns() : names;
        Map<String, String> key = new LinkedHashMap<>();
        for (String name : keyColumns) {
            int index = names.indexOf(name);
            key.put(name, text(rs, index, table.columns().get(index)));
        }
        return key;
    }

    /** A value as SQL-like text: numbers bare, everything else PostgreSQL's text output quoted, NULL as NULL. */
    private static String text(ResultSet rs, int index, SqliteColumn column) throws SQLException {
        String value = rs.getString(index + 1);
        if (value == null) {
            return "NULL";
        }
        boolean number = switch (column.type().type()) {
            case SMALLINT, INTEGER, BIGINT, REAL, NUMERIC, NUMERIC_TEXT -> !NOT_A_NUMBER.contains(value);
            default -> false;
        };
        return number ? value : "'" + value.replace("'", "''") + "'";
    }

    private static CompatibilityIssue issue(SqliteTable table, SqliteColumn column, IssueCode code, ValueTally tally) {
        long n = tally.count();
        String label = table.name() + "." + column.name() + " (" + column.source().type() + " → "
                + column.type().declared() + ")";
        String values = n + " value" + (n == 1 ? " of " + label + " is" : "s of " + label + " are");
        String object = "\"" + table.name() + "\".\"" + column.name() + "\"";
        String message;
        String suggestion;
        if (code == IssueCode.NAN_OR_INFINITY) {
            boolean real = column.type().type() == SqliteType.REAL;
            message = values + (real ? " NaN, stored as the TEXT 'NaN' (SQLite stores a NaN REAL as NULL)"
                    : " NaN or ±Infinity, stored as TEXT; migrating the file back to PostgreSQL rejects them");
            suggestion = "check that readers of " + object + " expect " + (real ? "the TEXT 'NaN'" : "this text")
                    + ", or replace these values in the source";
        } else {
            message = n + " value" + (n == 1 ? "" : "s") + " of " + label + " cannot be written: " + tally.firstDetail()
                    + (n > 1 ? " (the first of " + n + ")" : "") + "; migrate rejects " + (n == 1 ? "its row" : "their rows");
            suggestion = (code == IssueCode.VALUE_OUT_OF_RANGE
                    ? "replace the values of " + object + " outside the years 1 to 9999 (BC dates, ±infinity) in the "
                            + "source, e.g. with NULL or 9999-12-31,"
                    : "fix the values of " + object + " in the source,")
                    + " or leave " + table.name() + " out with --exclude; migrate's default --on-error reject loads "
                    + "the other rows and writes these to the reject files (exit code 4)";
        }
        return new CompatibilityIssue(code, table.name(), column.name(), message, n, tally.examples(), suggestion);
    }
}
