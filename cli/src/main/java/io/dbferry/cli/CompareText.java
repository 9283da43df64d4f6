package io.dbferry.cli;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.Example;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code --format text} rendering of a compatibility report, for a terminal: a header, the issues grouped
 * by table (schema-wide ones first, errors first within a table), each with its count, examples and
 * suggestion, and the one-line verdict at the end.
 */
final class CompareText {

    private static final String SCHEMA_WIDE = "(schema)";

    private CompareText() {}

    static String render(CompatibilityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("dbferry compare: ").append(report.source()).append(" → ").append(report.target()).append('\n');
        out.append(scope(report)).append("\n\n");
        Map<String, List<CompatibilityIssue>> byTable = report.issues().stream().collect(Collectors.groupingBy(
                i -> Objects.requireNonNullElse(i.table(), SCHEMA_WIDE), () -> new TreeMap<>(CompareText::tableOrder),
                Collectors.toList()));
        byTable.forEach((table, issues) -> {
            out.append(table).append('\n');
            issues.forEach(issue -> issue(out, issue));
            out.append('\n');
        });
        out.append(report.verdict()).append('\n');
        return out.toString();
    }

    static String scope(CompatibilityReport report) {
        String tables = report.tables() + " table" + (report.tables() == 1 ? "" : "s");
        if (!report.dataProfiled()) {
            return "compared the schemas of " + tables + "; rows not profiled (--no-data)";
        }
        String sample = report.sampleRows() == CompatibilityReport.ALL_ROWS ? "every row"
                : String.format(Locale.ROOT, "the first %,d of each table", report.sampleRows());
        return String.format(Locale.ROOT, "compared the schemas of %s and profiled %,d row%s (%s)", tables,
                report.rowsProfiled(), report.rowsProfiled() == 1 ? "" : "s", sample);
    }

    private static void issue(StringBuilder out, CompatibilityIssue issue) {
        out.append(String.format(Locale.ROOT, "  %-7s %s", issue.severity().label().toUpperCase(Locale.ROOT),
                issue.code()));
        if (issue.column() != null) {
            out.append("  ").append(issue.object());
        }
        if (issue.affectedRows() != CompatibilityIssue.NOT_COUNTED) {
            out.append(String.format(Locale.ROOT, "  %,d row%s", issue.affectedRows(), issue.affectedRows() == 1 ? "" : "s"));
        }
        out.append('\n').append("          ").append(issue.message()).append('\n');
        for (Example example : issue.examples()) {
            out.append("          e.g. ").append(example.keyText().isEmpty() ? "" : example.keyText() + ": ")
                    .append(example.value()).append('\n');
        }
        out.append("          fix: ").append(issue.suggestion()).append('\n');
    }

    /** Schema-wide issues first, then tables by name. */
    static int tableOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(SCHEMA_WIDE) || b.equals(SCHEMA_WIDE)) {
            return a.equals(SCHEMA_WIDE) ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
