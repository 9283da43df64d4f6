package io.dbferry.cli;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.Example;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code --format markdown} rendering of a compatibility report, to paste into a pull request or
 * ticket: the verdict first, then one table of issues per source table. Cell text is escaped so a value
 * holding {@code |} or a line break cannot break the table (GitHub Flavored Markdown spec §4.10).
 */
final class CompareMarkdown {

    private CompareMarkdown() {}

    static String render(CompatibilityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# dbferry compatibility report\n\n");
        out.append("**").append(report.verdict()).append("**\n\n");
        out.append("- Source: `").append(code(report.source())).append("`\n");
        out.append("- Target: `").append(code(report.target())).append("`\n");
        out.append("- Scope: ").append(cell(CompareText.scope(report))).append("\n");
        Map<String, List<CompatibilityIssue>> byTable = report.issues().stream().collect(Collectors.groupingBy(
                i -> Objects.requireNonNullElse(i.table(), "(schema)"), () -> new TreeMap<>(CompareText::tableOrder),
                Collectors.toList()));
        byTable.forEach((table, issues) -> {
            out.append("\n## ").append(table.equals("(schema)") ? "Whole schema" : "Table `" + code(table) + "`")
                    .append("\n\n| Severity | Code | Column | Rows | Finding | Examples | Suggestion |\n")
                    .append("|---|---|---|---:|---|---|---|\n");
            issues.forEach(issue -> row(out, issue));
        });
        if (report.issues().isEmpty()) {
            out.append("\nNo issues found.\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, CompatibilityIssue issue) {
        String rows = issue.affectedRows() == CompatibilityIssue.NOT_COUNTED ? "" : Long.toString(issue.affectedRows());
        String examples = String.join("<br>", issue.examples().stream().map(CompareMarkdown::example).toList());
        out.append("| ").append(issue.severity().label())
                .append(" | `").append(issue.code()).append('`')
                .append(" | ").append(issue.column() == null ? "" : "`" + code(issue.column()) + "`")
                .append(" | ").append(rows)
                .append(" | ").append(cell(issue.message()))
                .append(" | ").append(examples)
                .append(" | ").append(cell(issue.suggestion()))
                .append(" |\n");
    }

    private static String example(Example example) {
        String key = example.keyText();
        return "`" + code((key.isEmpty() ? "" : key + ": ") + example.value()) + "`";
    }

    /** Text for a table cell: pipes escaped, line breaks as spaces, HTML-significant characters escaped. */
    static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replaceAll("\\R", " ");
    }

    /**
     * Text inside a code span in a cell: entities are not decoded there, so only pipes are escaped; backticks
     * cannot be escaped at all, so they become quotes.
     */
    static String code(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ").replace('`', '\'');
    }
}
