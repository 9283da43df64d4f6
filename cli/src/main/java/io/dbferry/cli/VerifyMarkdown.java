package io.dbferry.cli;

import io.dbferry.transfer.verify.TableVerification;
import io.dbferry.transfer.verify.VerificationReport;

/**
 * The {@code --format markdown} rendering of a verification report, to paste into a pull request or ticket:
 * the verdict, one table row per database table, then the differences and notes of each differing table and
 * the notes of the others. Cell text is escaped as in {@link CompareMarkdown}.
 */
final class VerifyMarkdown {

    private VerifyMarkdown() {}

    static String render(String source, String target, VerificationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# dbferry verification report\n\n");
        out.append("**").append(CompareMarkdown.cell(VerifyText.verdict(report))).append("**\n\n");
        out.append("- Source: `").append(CompareMarkdown.code(source)).append("`\n");
        out.append("- Target: `").append(CompareMarkdown.code(target)).append("`\n");
        out.append("- Mode: ").append(report.mode().label()).append("\n\n");
        out.append("| Table | Status | Source rows | Target rows | Method | Chunks differing |\n");
        out.append("|---|---|---:|---:|---|---:|\n");
        for (TableVerification table : report.tables()) {
            out.append("| `").append(CompareMarkdown.code(table.target().toString())).append("` | ")
                    .append(table.status().label()).append(" | ").append(table.sourceRows()).append(" | ")
                    .append(table.targetRows()).append(" | ").append(table.method().label()).append(" | ")
                    .append(table.chunksDiffering()).append(" of ").append(table.chunksCompared()).append(" |\n");
        }
        // Every differing table, and every other with a note (e.g. compared as a multiset, so no row-level diff).
        for (TableVerification table : report.tables()) {
            if (table.status() == TableVerification.Status.EQUAL && table.notes().isEmpty()) {
                continue;
            }
            out.append("\n## `").append(CompareMarkdown.code(table.target().toString())).append("`\n\n");
            table.differences().forEach(d -> out.append("- ").append(CompareMarkdown.cell(VerifyText.difference(d)))
                    .append('\n'));
            if (table.moreDifferences()) {
                out.append("- … more differences than listed\n");
            }
            table.notes().forEach(note -> out.append("- Note: ").append(CompareMarkdown.cell(note)).append('\n'));
        }
        return out.toString();
    }
}
