package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suggestion of each data issue: the cast rule ({@code --cast "column TABLE.COLUMN to TYPE [using
 * UNIT]"}) or the change in the source that resolves it, naming the column. Stateless.
 */
final class IssueSuggestions {

    /** A name a cast rule takes unquoted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private IssueSuggestions() {}

    /**
     * The cast rule that maps a column to another type.
     *
     * @param table the source table, never null
     * @param column the source column, never null
     * @param type the PostgreSQL type as a cast rule names it, e.g. {@code text}; never null
     * @return e.g. {@code --cast "column t.c to text"}
     */
    static String castRule(String table, String column, String type) {
        return "--cast " + shellWord("column " + ruleName(table) + "." + ruleName(column) + " to " + type);
    }

    /** A name as a cast rule reads it: bare when it is a plain word, else double-quoted with "" for ". */
    private static String ruleName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A shell word: in double quotes, or in single quotes when it holds characters a shell expands there. */
    static String shellWord(String text) {
        if (text.chars().noneMatch(c -> c == '"' || c == '$' || c == '`' || c == '\\' || c == '!')) {
            return '"' + text + '"';
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The suggestion for a finding about one column's values.
     *
     * @param code a data issue code about a column, never null
     * @param table the source table, never null
     * @param column the source column, never null
     * @param target the column's target type, never null
     * @param affected the storage classes of the affected values, never null
     * @return never null
     */
    static String forColumn(IssueCode code, String table, String column, TargetType target,
            Set<StorageClass> affected) {
        String object = table + "." + column;
        return switch (code) {
            case MIXED_STORAGE_CLASS -> "check these values of " + object + "; if the column is meant to hold them, "
                    + (TargetFamily.of(target.type()) == TargetFamily.TEXT
                            ? "keep their bytes with " + castRule(table, column, "bytea")
                            : "keep them as written with " + castRule(table, column, "text"))
                    + ", otherwise fix them in the source";
            case NUL_IN_TEXT -> "remove the NUL characters from " + object + " in the source (replace(" + column
                    + ", char(0), '')), or keep the bytes with " + castRule(table, column, "bytea");
            case INVALID_UTF8 -> "fix the encoding of " + object + " in the source, or keep the bytes with "
                    + castRule(table, column, "bytea");
            case NULL_IN_NOT_NULL -> "fill in or delete the rows where " + object + " is NULL in the source";
            case TIME_ZONE_DROPPED -> "nothing to do if UTC wall-clock times are wanted; to store " + object
                    + " as points in time use " + castRule(table, column, "timestamptz");
            case NAN_OR_INFINITY -> "check that readers of " + object + " expect NaN and ±Infinity, or replace"
                    + " them in the source";
            case EPOCH_ISO_MIXTURE -> "make " + object + " consistent in the source, or say what its numbers count"
                    + " with " + castRule(table, column, target + " using epoch-s") + " (or epoch-ms, epoch-us,"
                    + " julian-day)";
            default -> forRejects(code, table, column, target, affected);
        };
    }

    /** The suggestion for values the column's transform rejects: mostly another target type. */
    private static String forRejects(IssueCode code, String table, String column, TargetType target,
            Set<StorageClass> affected) {
        String fixOr = "fix the values of " + table + "." + column + " in the source, or ";
        return switch (code) {
            case VALUE_OUT_OF_RANGE -> "widen the column with " + castRule(table, column, widerType(target));
            case TEXT_TOO_LONG -> "lift the length limit with " + castRule(table, column, "text")
                    + ", or shorten the values of " + table + "." + column + " in the source";
            case INVALID_BOOLEAN -> fixOr + "keep them with " + castRule(table, column,
                    onlyOf(affected, StorageClass.INTEGER) ? "bigint" : "text")
                    + " (booleans are 0/1, true/false, yes/no, on/off)";
            case LOSSY_CONVERSION -> "keep the whole value with " + castRule(table, column, losslessType(target));
            case NOT_AN_INTEGER -> onlyOf(affected, StorageClass.REAL)
                    ? "keep the fractions with " + castRule(table, column, "double precision")
                    : fixOr + "keep them as written with " + castRule(table, column, "text");
            case UNSUPPORTED_STORAGE_CLASS -> fixOr + "keep them with "
                    + castRule(table, column, affected.contains(StorageClass.BLOB) ? "bytea" : "text");
            default -> fixOr + "keep them as written with " + castRule(table, column, "text");
        };
    }

    /**
     * The suggestion for rows that would break a unique key.
     *
     * @param table the source table, never null
     * @param columns the key's source columns, never null or empty
     * @return never null
     */
    static String duplicateKey(String table, List<String> columns, boolean normalised) {
        String suggestion = "make " + table + columnList(columns) + " unique in the source";
        // Casting to text helps only where the conversion made distinct values equal.
        return columns.size() > 1 || !normalised ? suggestion
                : suggestion + ", or keep the values distinct as written with " + castRule(table, columns.get(0), "text");
    }

    /**
     * The suggestion for rows whose parent row is missing.
     *
     * @param table the child table, never null
     * @param columns the foreign-key columns, never null or empty
     * @param parent the parent table, never null
     * @return never null
     */
    static String orphans(String table, List<String> columns, String parent) {
        return "add the missing " + parent + " rows, delete the orphans, or set " + table + columnList(columns)
                + " to NULL where no parent exists, in the source";
    }

    /**
     * The suggestion for a foreign key whose parent columns are not a key.
     *
     * @param table the child table, never null
     * @param parent the parent table, never null
     * @param parentColumns the referenced columns, never null or empty
     * @return never null
     */
    static String mismatch(String table, String parent, List<String> parentColumns) {
        return "declare a PRIMARY KEY or UNIQUE constraint on " + parent + columnList(parentColumns)
                + " in the source, or leave " + table + " out with --exclude " + shellWord(table);
    }

    private static String columnList(List<String> columns) {
        return columns.size() == 1 ? "." + columns.get(0) : "(" + String.join(", ", columns) + ")";
    }

    private static boolean onlyOf(Set<StorageClass> affected, StorageClass storageClass) {
        return affected.equals(Set.of(storageClass));
    }

    private static String widerType(TargetType target) {
        return target.type() == PostgresType.SMALLINT || target.type() == PostgresType.INTEGER ? "bigint" : "numeric";
    }

    private static String losslessType(TargetType target) {
        if (target.type() == PostgresType.DATE) {
            return "timestamp";
        }
        return target.type() == PostgresType.DOUBLE_PRECISION ? "numeric" : "text";
    }
}
