package io.dbferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbferry.transfer.verify.RowDifference;
import io.dbferry.transfer.verify.TableVerification;
import io.dbferry.transfer.verify.VerificationReport;
import java.util.List;
import java.util.Map;

/**
 * The {@code --format json} rendering of a verification report. Its shape is API, described in the README;
 * {@code formatVersion} changes only when a field is removed or changes meaning.
 */
final class VerifyJson {

    /** The shape's version; bumped only for incompatible changes. */
    static final int FORMAT_VERSION = 1;

    /** The whole document. */
    record ReportJson(int formatVersion, String source, String target, String mode, boolean matches, double seconds,
            List<TableJson> tables) {}

    /** One table. */
    record TableJson(String name, String target, String method, String status, long sourceRows, long targetRows,
            int chunksCompared, int chunksDiffering, List<DifferenceJson> differences, boolean moreDifferences,
            List<String> notes) {}

    /** One differing row; {@code columns} is empty unless the kind is {@code changed}. */
    record DifferenceJson(String kind, Map<String, String> key, List<ColumnJson> columns) {}

    /** One changed column; null values are SQL NULLs. */
    record ColumnJson(String column, String source, String target) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyJson() {}

    static String render(String source, String target, VerificationReport report) throws JsonProcessingException {
        return JSON.writeValueAsString(new ReportJson(FORMAT_VERSION, source, target, report.mode().label(),
                report.matches(), report.millis() / 1000.0, report.tables().stream().map(VerifyJson::table).toList()));
    }

    private static TableJson table(TableVerification table) {
        return new TableJson(table.source().name(), table.target().toString(), table.method().label(),
                table.status().label(), table.sourceRows(), table.targetRows(), table.chunksCompared(),
                table.chunksDiffering(), table.differences().stream().map(VerifyJson::difference).toList(),
                table.moreDifferences(), table.notes());
    }

    private static DifferenceJson difference(RowDifference difference) {
        return switch (difference) {
            case RowDifference.MissingInTarget m -> new DifferenceJson("missing-in-target", m.key(), List.of());
            case RowDifference.ExtraInTarget e -> new DifferenceJson("extra-in-target", e.key(), List.of());
            case RowDifference.Changed c -> new DifferenceJson("changed", c.key(), c.columns().stream()
                    .map(col -> new ColumnJson(col.column(), col.sourceValue(), col.targetValue())).toList());
        };
    }
}
