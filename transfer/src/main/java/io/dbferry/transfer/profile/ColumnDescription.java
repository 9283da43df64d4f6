package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.MappedColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Words the issues of one column: the message naming the column with its declared and target type, e.g.
 * {@code Track.Milliseconds (INTEGER → bigint)}, and the suggestion from {@link IssueSuggestions}.
 *
 * @param table the source table name, never null
 * @param column the mapped column, never null
 */
record ColumnDescription(String table, MappedColumn column) {

    /**
     * The issue of one tally.
     *
     * @param code the tally's code, never null
     * @param tally at least one affected row, never null
     * @param storageClasses the column's value count per {@link StorageClass} ordinal, never null
     * @return never null
     */
    CompatibilityIssue issue(IssueCode code, IssueTally tally, long[] storageClasses) {
        return issue(code, message(code, tally, storageClasses), tally);
    }

    /**
     * The issue of a time column holding both numbers and text; the smaller group is the one reported.
     *
     * @param numbers the numeric values, at least one; never null
     * @param texts the text values, at least one; never null
     * @return never null
     */
    CompatibilityIssue epochIsoMixture(IssueTally numbers, IssueTally texts) {
        IssueTally fewer = numbers.count() <= texts.count() ? numbers : texts;
        String message = label() + " mixes " + count(numbers.count(), "numeric value")
                + " (read as a Julian day, Unix seconds or Unix milliseconds) with " + count(texts.count(), "text value")
                + "; the examples are the " + (fewer == numbers ? "numbers" : "texts");
        return issue(IssueCode.EPOCH_ISO_MIXTURE, message, fewer);
    }

    private CompatibilityIssue issue(IssueCode code, String message, IssueTally tally) {
        String name = column.source().name();
        return new CompatibilityIssue(code, table, name, message, tally.count(), tally.examples(),
                IssueSuggestions.forColumn(code, table, name, column.targetType(), tally.storageClasses()));
    }

    private String message(IssueCode code, IssueTally tally, long[] storageClasses) {
        long n = tally.count();
        return switch (code) {
            case NULL_IN_NOT_NULL -> count(n, "row") + " of " + label() + verb(n, " holds", " hold")
                    + " NULL, but the target column is NOT NULL";
            case MIXED_STORAGE_CLASS -> label() + " holds " + count(n, "value") + " stored as "
                    + labels(tally.storageClasses()) + " where " + labels(TargetFamily.of(column.targetType().type())
                            .usual()) + " is expected (" + breakdown(storageClasses) + ")";
            case TIME_ZONE_DROPPED -> count(n, "text timestamp") + " of " + label() + verb(n, " carries", " carry")
                    + " a UTC offset, which is applied and then dropped: timestamp keeps the UTC time only";
            case NAN_OR_INFINITY -> count(n, "value") + " of " + label() + verb(n, " is", " are") + " NaN or ±Infinity";
            default -> count(n, "value") + " of " + label() + " cannot be loaded: " + tally.firstDetail()
                    + (n > 1 ? " (the first of " + n + ")" : "");
        };
    }

    /** The column as {@code table.column (DECLARED → target)}. */
    private String label() {
        String declared = column.source().type().toString();
        return table + "." + column.source().name() + " (" + (declared.isEmpty() ? "untyped" : declared) + " → "
                + column.targetType() + ")";
    }

    private static String labels(Iterable<StorageClass> storageClasses) {
        List<String> labels = new ArrayList<>();
        storageClasses.forEach(c -> labels.add(c.label()));
        return String.join(" or ", labels);
    }

    /** E.g. {@code integer 40, text 2, null 3}: NULLs last. */
    private static String breakdown(long[] storageClasses) {
        List<String> parts = new ArrayList<>();
        for (StorageClass c : List.of(StorageClass.INTEGER, StorageClass.REAL, StorageClass.TEXT, StorageClass.BLOB,
                StorageClass.NULL)) {
            if (storageClasses[c.ordinal()] > 0) {
                parts.add(c.label() + " " + storageClasses[c.ordinal()]);
            }
        }
        return String.join(", ", parts);
    }

    private static String verb(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
