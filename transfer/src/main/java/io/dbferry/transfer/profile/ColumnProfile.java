package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.transfer.transform.RejectReason;
import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What one column's values hold, counted over the scan: storage classes, values its transform rejects (one
 * tally per issue code), NULLs where the target is NOT NULL, unusual storage classes, epoch/ISO mixtures,
 * dropped UTC offsets and NaN/Infinity. Each value passes through
 * {@link Transforms#forColumn(io.dbferry.introspect.mapping.MappedColumn)}, the transform the migration uses
 * (cast rules included).
 * Not thread-safe.
 */
final class ColumnProfile {

    /** A UTC offset or {@code Z} ending a time value (https://www.sqlite.org/lang_datefunc.html §2, formats 2–10). */
    /** A UTC offset other than zero at the end of a time value, the form SQLite reads (lang_datefunc.html §2). */
    private static final Pattern ZONE = Pattern.compile("[+-](?!00:00)\\d{2}:\\d{2}\\s*$");
    /** Text SQLite's date functions read as a number: a Julian day or, with a modifier, Unix time. */
    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)\\s*");

    private final ColumnDescription described;
    private final MappedColumn column;
    private final TargetFamily family;
    private final TargetFamily declaredFamily;
    private final ValueTransform transform;
    private final boolean notNull;
    private final long[] storageClasses = new long[StorageClass.values().length];
    private final Map<IssueCode, IssueTally> tallies = new EnumMap<>(IssueCode.class);
    private final IssueTally numericTimes = new IssueTally();
    private final IssueTally textTimes = new IssueTally();

    /**
     * Starts profiling a column.
     *
     * @param table the source table name, never null
     * @param column the mapped column, never null
     * @param inPrimaryKey whether the column is part of the mapped primary key, which PostgreSQL makes NOT NULL
     */
    ColumnProfile(String table, MappedColumn column, boolean inPrimaryKey) {
        this.column = column;
        this.described = new ColumnDescription(table, column);
        this.family = TargetFamily.of(column.targetType().type());
        // With a cast rule, the storage classes the declared type produces are expected too: integers in an
        // INTEGER column cast to text are what the user asked to convert, not a surprise.
        this.declaredFamily = column.castRule() == null ? family
                : TargetFamily.of(TypeMapping.sqliteToPostgres().map(column.source()).type());
        this.transform = Transforms.forColumn(column);
        // A rowid alias is never NULL: reading it returns the rowid.
        this.notNull = !column.identity() && (!column.nullable() || inPrimaryKey);
    }

    /** The mapped column. */
    MappedColumn column() {
        return column;
    }

    /** The target type's family. */
    TargetFamily family() {
        return family;
    }

    /**
     * Whether values of a storage class are expected in this column: usual for the target type, or, when a
     * cast rule chose the type, for the type the declared type maps to.
     *
     * @param storageClass never null
     * @return true when expected
     */
    boolean isUsual(StorageClass storageClass) {
        return family.isUsual(storageClass) || declaredFamily.isUsual(storageClass);
    }

    /**
     * Counts one value and returns what the migration would write.
     *
     * @param value the source value, never null
     * @param key the row's key, asked for only when an example is kept; never null
     * @return the converted value, null when the value is NULL or rejected
     */
    Object accept(SourceValue value, Supplier<Map<String, String>> key) {
        storageClasses[value.storageClass().ordinal()]++;
        if (value.isNull()) {
            if (notNull) {
                tally(IssueCode.NULL_IN_NOT_NULL).add(key, value);
            }
            return null;
        }
        if (!isUsual(value.storageClass())) {
            tally(IssueCode.MIXED_STORAGE_CLASS).add(key, value);
        }
        if (family == TargetFamily.TEMPORAL) {
            countTimeForm(value, key);
        }
        return switch (convert(value)) {
            case TransformResult.Rejected r -> {
                tally(RejectIssueCodes.of(r.reason())).add(key, value, detail(value, r));
                yield null;
            }
            case TransformResult.Converted c -> converted(value, c.value(), key);
        };
    }

    /**
     * Converts a value as the migration would, without counting it.
     *
     * @param value a non-NULL source value, never null
     * @return never null; TEXT that is not valid UTF-8 is an {@link RejectReason#INVALID_UTF8} reject
     */
    TransformResult convert(SourceValue value) {
        return value.isInvalidUtf8() ? StrictUtf8.decode((byte[]) value.value()) : transform.apply(value.value());
    }

    /**
     * The issues found, one per issue code.
     *
     * @return never null, possibly empty
     */
    List<CompatibilityIssue> issues() {
        List<CompatibilityIssue> issues = new ArrayList<>();
        tallies.forEach((code, tally) -> issues.add(described.issue(code, tally, storageClasses)));
        if (!numericTimes.isEmpty() && !textTimes.isEmpty()) {
            issues.add(described.epochIsoMixture(numericTimes, textTimes));
        }
        return issues;
    }

    private Object converted(SourceValue value, Object converted, Supplier<Map<String, String>> key) {
        if (column.targetType().type() == PostgresType.TIMESTAMP && value.value() instanceof String s
                && ZONE.matcher(s).find()) {
            tally(IssueCode.TIME_ZONE_DROPPED).add(key, value);
        }
        boolean infiniteReal = value.value() instanceof Double d && Double.isInfinite(d);
        if (infiniteReal || converted instanceof Double d && (d.isNaN() || d.isInfinite())) {
            tally(IssueCode.NAN_OR_INFINITY).add(key, value);
        }
        return converted;
    }

    /** Counts a time value as a number (INTEGER, REAL or numeric TEXT) or as text; BLOBs are neither. */
    private void countTimeForm(SourceValue value, Supplier<Map<String, String>> key) {
        if (value.storageClass() == StorageClass.INTEGER || value.storageClass() == StorageClass.REAL) {
            numericTimes.add(key, value);
        } else if (value.value() instanceof String s) {
            (NUMBER.matcher(s).matches() ? numericTimes : textTimes).add(key, value);
        }
    }

    /** The reject message; for TEXT that is not UTF-8 its own, since the decoder's quotes the bytes as a BLOB. */
    private static String detail(SourceValue value, TransformResult.Rejected reject) {
        return value.isInvalidUtf8() ? value.sqlText() + " is TEXT whose bytes are not valid UTF-8" : reject.message();
    }

    private IssueTally tally(IssueCode code) {
        return tallies.computeIfAbsent(code, c -> new IssueTally());
    }
}
