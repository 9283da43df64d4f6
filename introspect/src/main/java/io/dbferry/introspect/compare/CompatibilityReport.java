package io.dbferry.introspect.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code dbferry compare} found, in report order: by table (schema-wide issues first), then
 * errors before warnings before infos, then by code.
 *
 * @param source the source as shown to the user (password redacted), never null
 * @param target the target as shown to the user (password redacted), never null
 * @param tables source tables compared, ≥ 0
 * @param rowsProfiled source rows whose values were profiled, 0 when the data was not profiled
 * @param sampleRows the per-table row limit of the profile, {@link #ALL_ROWS} for every row
 * @param dataProfiled whether the rows were profiled at all ({@code --data})
 * @param issues the findings, never null, possibly empty
 */
public record CompatibilityReport(
        String source,
        String target,
        int tables,
        long rowsProfiled,
        long sampleRows,
        boolean dataProfiled,
        List<CompatibilityIssue> issues) {

    /** The value of {@link #sampleRows()} when every row is profiled. */
    public static final long ALL_ROWS = 0;

    private static final Comparator<CompatibilityIssue> ORDER = Comparator
            .comparing((CompatibilityIssue i) -> i.table() == null ? "" : i.table())
            .thenComparing(CompatibilityIssue::severity)
            .thenComparing(CompatibilityIssue::code)
            .thenComparing(i -> i.column() == null ? "" : i.column());

    /** Validates the counts and sorts the issues into report order. */
    public CompatibilityReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (tables < 0 || rowsProfiled < 0 || sampleRows < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        issues = Objects.requireNonNull(issues, "issues").stream().sorted(ORDER).toList();
    }

    /**
     * How many issues have the given severity.
     *
     * @param severity never null
     * @return ≥ 0
     */
    public long count(Severity severity) {
        return issues.stream().filter(i -> i.severity() == severity).count();
    }

    /**
     * Whether any issue is an {@link Severity#ERROR}: the move would fail or lose data.
     *
     * @return true when {@code count(ERROR) > 0}
     */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /**
     * The one-line verdict that ends every report format.
     *
     * @return never null, e.g. {@code "NOT READY: the move would fail or lose data (2 errors, 1 warning, 11 infos)"};
     *     without a data profile a ready verdict says the rows were not checked
     */
    public String verdict() {
        String counts = plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning")
                + ", " + plural(count(Severity.INFO), "info");
        if (hasErrors()) {
            return "NOT READY: the move would fail or lose data (" + counts + ")";
        }
        return dataProfiled ? "READY: nothing would fail or be lost (" + counts + ")"
                : "READY AS FAR AS THE SCHEMA GOES: the rows were not checked (--no-data) (" + counts + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
