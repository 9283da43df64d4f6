package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CompareFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CompatibilityReport report() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("id", "7");
        List<CompatibilityIssue> issues = List.of(
                CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_CREATED, "events", null, "table events is created",
                        "nothing to do"),
                new CompatibilityIssue(IssueCode.INVALID_JSON, "events", "payload", "2 values are not JSON", 2,
                        List.of(new Example(key, "'{a|b`}'")), "fix the values, or --cast \"column events.payload to text\""),
                CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, null, null,
                        "partial index ix_open is not carried over", "recreate it by hand"));
        return new CompatibilityReport("sqlite:app.db", "postgresql://u@h/db (schema \"public\")", 1, 10,
                CompatibilityReport.ALL_ROWS, true, issues);
    }

    private static Schema documentedShape() throws Exception {
        try (InputStream in = CompareJson.class.getResourceAsStream("compare-report.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void jsonMatchesItsDocumentedSchema() throws Exception {
        JsonNode json = JSON.readTree(CompareJson.render(report()));

        List<Error> errors = documentedShape().validate(json);

        assertThat(errors).isEmpty();
        assertThat(json.get("summary").get("ready").asBoolean()).isFalse();
        assertThat(json.get("summary").get("errors").asLong()).isEqualTo(1);
        assertThat(json.get("sampleRows").asText()).isEqualTo("all");
        JsonNode first = json.get("issues").get(0);
        assertThat(first.get("code").asText()).isEqualTo("SCHEMA_OBJECT_NOT_CARRIED");
        assertThat(first.get("table").isNull()).isTrue();
        assertThat(first.get("affectedRows").isNull()).isTrue();
        JsonNode invalid = json.get("issues").get(1);
        assertThat(invalid.get("severity").asText()).isEqualTo("error");
        assertThat(invalid.get("affectedRows").asLong()).isEqualTo(2);
        assertThat(invalid.get("examples").get(0).get("key").get("id").asText()).isEqualTo("7");
    }

    @Test
    void schemaRejectsAReportMissingAField() throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(CompareJson.render(report()));
        ((ObjectNode) json.get("issues").get(0)).remove("suggestion");
        json.put("sampleRows", 0);

        assertThat(documentedShape().validate(json)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void schemaListsEveryIssueCode() throws Exception {
        JsonNode schema;
        try (InputStream in = CompareJson.class.getResourceAsStream("compare-report.schema.json")) {
            schema = JSON.readTree(in);
        }
        JsonNode codes = schema.get("$defs").get("issue").get("properties").get("code").get("enum");

        assertThat(StreamSupport.stream(codes.spliterator(), false).map(JsonNode::asText).toList())
                .containsExactlyElementsOf(Arrays.stream(IssueCode.values()).map(Enum::name).toList());
    }

    @Test
    void textGroupsByTableWithSchemaWideIssuesFirstAndEndsWithTheVerdict() {
        String text = CompareText.render(report());

        assertThat(text.indexOf("(schema)")).isLessThan(text.indexOf("\nevents\n"));
        assertThat(text.indexOf("INVALID_JSON")).isLessThan(text.indexOf("TABLE_TO_BE_CREATED"));
        assertThat(text).contains("ERROR   INVALID_JSON  events.payload  2 rows")
                .contains("e.g. id=7: '{a|b`}'")
                .contains("fix: fix the values, or --cast \"column events.payload to text\"")
                .contains("profiled 10 rows (every row)")
                .endsWith("NOT READY: the move would fail or lose data (1 error, 1 warning, 1 info)\n");
    }

    @Test
    void markdownEscapesPipesAndBackticksInsideCells() {
        String markdown = CompareMarkdown.render(report());

        assertThat(markdown).startsWith("# dbferry compatibility report\n\n**NOT READY")
                .contains("## Whole schema").contains("## Table `events`")
                .contains("| error | `INVALID_JSON` | `payload` | 2 | 2 values are not JSON | `id=7: '{a\\|b'}'` |");
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| error") || line.startsWith("| info") || line.startsWith("| warning")) {
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as("cells in %s", line).isEqualTo(8);
            }
        }
    }
}
