package io.dbferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds issues in a {@code compare --format json} report (see compare-report.schema.json), for assertions. */
final class CompareReportJson {

    private CompareReportJson() {}

    /** The report's issues with this code, in report order; empty when there is none. */
    static List<JsonNode> issues(JsonNode report, String code) {
        List<JsonNode> found = new ArrayList<>();
        report.get("issues").forEach(i -> {
            if (i.get("code").asText().equals(code)) {
                found.add(i);
            }
        });
        return found;
    }

    /**
     * The first issue with this code on this table and column ({@code column} null: an issue of the whole table).
     *
     * @throws AssertionError naming what was looked for, with the whole report, when there is none
     */
    static JsonNode issue(JsonNode report, String code, String table, String column) {
        return issues(report, code).stream()
                .filter(i -> i.get("table").asText().equals(table))
                .filter(i -> column == null ? i.get("column").isNull() : i.get("column").asText().equals(column))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " on " + table + "." + column
                        + " in " + report.toPrettyString()));
    }
}
