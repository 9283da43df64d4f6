package io.dbferry.cli;

import io.dbferry.transfer.verify.RowDifference;
import io.dbferry.transfer.verify.TableVerification;
import io.dbferry.transfer.verify.VerificationReport;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --format text} rendering of a verification report, for a terminal: one line per table, the
 * differences and notes of a differing table under it, and the verdict at the end.
 */
final class VerifyText {

    private VerifyText() {}

    static String render(String source, String target, VerificationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("dbferry verify: ").append(source).append(" → ").append(target)
                .append(" (").append(report.mode().label()).append(")\n\n");
        int width = report.tables().stream().mapToInt(t -> t.target().toString().length()).max().orElse(0);
        for (TableVerification table : report.tables()) {
            out.append(String.format(Locale.ROOT, "%-9s %-" + width + "s  %s%n",
                    table.status().label().toUpperCase(Locale.ROOT), table.target(), summary(table)));
            table.differences().forEach(d -> out.append("          ").append(difference(d)).append('\n'));
            if (table.moreDifferences()) {
                out.append("          … more differences than listed").append(table.method()
                        == TableVerification.Method.CHUNKS ? " (raise --max-diffs to see them)" : "").append('\n');
            }
            table.notes().forEach(note -> out.append("          note: ").append(note).append('\n'));
        }
        out.append('\n').append(verdict(report)).append('\n');
        return out.toString();
    }

    /** Rows, chunks and method of one table, e.g. {@code 347 rows; 1 chunk compared}. */
    static String summary(TableVerification table) {
        String rows = table.sourceRows() == table.targetRows()
                ? String.format(Locale.ROOT, "%,d rows", table.sourceRows())
                : String.format(Locale.ROOT, "%,d source rows, %,d target rows", table.sourceRows(),
                        table.targetRows());
        return switch (table.method()) {
            case COUNTS -> rows + "; row counts";
            case MULTISET -> rows + "; multiset hash";
            case CHUNKS -> rows + String.format(Locale.ROOT, "; %d of %d chunks differ", table.chunksDiffering(),
                    table.chunksCompared());
        };
    }

    /** One difference, e.g. {@code changed (id=5): flag true → false}. */
    static String difference(RowDifference difference) {
        return switch (difference) {
            case RowDifference.MissingInTarget m -> "missing in target " + m.keyText();
            case RowDifference.ExtraInTarget e -> "extra in target   " + e.keyText();
            case RowDifference.Changed c -> "changed           " + c.keyText() + ": " + String.join("; ",
                    c.columns().stream().map(col -> col.column() + " " + value(col.sourceValue()) + " → "
                            + value(col.targetValue())).toList());
        };
    }

    /** A canonical value quoted, or NULL. */
    static String value(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    /** The one-line verdict, e.g. {@code verified: all 11 tables match (checksum)}. */
    static String verdict(VerificationReport report) {
        List<TableVerification> differing = report.differing();
        int tables = report.tables().size();
        if (differing.isEmpty()) {
            return "verified: all " + tables + (tables == 1 ? " table matches" : " tables match") + " ("
                    + report.mode().label() + ")";
        }
        return "NOT verified: " + differing.size() + " of " + tables
                + (tables == 1 ? " table differs" : " tables differ")
                + " (" + report.mode().label() + "): "
                + String.join(", ", differing.stream().map(t -> t.target().toString()).toList());
    }
}
