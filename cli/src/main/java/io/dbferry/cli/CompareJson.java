package io.dbferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.Severity;
import java.util.List;
import java.util.Map;

/**
 * The {@code --format json} rendering of a compatibility report. Its shape is API, described by
 * {@code compare-report.schema.json} (JSON Schema, next to this class) and the README; {@code formatVersion}
 * changes only when a field is removed or changes meaning.
 */
final class CompareJson {

    /** The shape's version; bumped only for incompatible changes. */
    static final int FORMAT_VERSION = 1;

    /** The whole document. */
    record ReportJson(int formatVersion, String source, String target, int tables, boolean dataProfiled,
            long rowsProfiled, Object sampleRows, SummaryJson summary, List<IssueJson> issues) {}

    /** Counts and the verdict. */
    record SummaryJson(boolean ready, long errors, long warnings, long infos, String verdict) {}

    /** One compatibility issue; {@code affectedRows} is null for schema issues, which are not about rows. */
    record IssueJson(String severity, String code, String table, String column, String object, String message,
            Long affectedRows, List<ExampleJson> examples, String suggestion) {}

    /** One affected row. */
    record ExampleJson(Map<String, String> key, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {}

    static String render(CompatibilityReport report) throws JsonProcessingException {
        SummaryJson summary = new SummaryJson(!report.hasErrors(), report.count(Severity.ERROR),
                report.count(Severity.WARNING), report.count(Severity.INFO), report.verdict());
        Object sampleRows = report.sampleRows() == CompatibilityReport.ALL_ROWS ? "all" : report.sampleRows();
        return JSON.writeValueAsString(new ReportJson(FORMAT_VERSION, report.source(), report.target(), report.tables(),
                report.dataProfiled(), report.rowsProfiled(), sampleRows, summary,
                report.issues().stream().map(CompareJson::issue).toList()));
    }

    private static IssueJson issue(CompatibilityIssue issue) {
        Long rows = issue.affectedRows() == CompatibilityIssue.NOT_COUNTED ? null : issue.affectedRows();
        return new IssueJson(issue.severity().label(), issue.code().name(), issue.table(), issue.column(),
                issue.object(), issue.message(), rows, issue.examples().stream().map(CompareJson::example).toList(),
                issue.suggestion());
    }

    private static ExampleJson example(Example example) {
        return new ExampleJson(example.key(), example.value());
    }
}
