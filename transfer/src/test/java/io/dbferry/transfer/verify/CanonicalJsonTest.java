package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.transform.JsonTransform;
import io.dbferry.transfer.transform.TransformResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-parse path for source JSON: it must give what the transform followed by {@link CanonicalJson#of} gives,
 * and leave to the transform every text the transform might reject.
 */
class CanonicalJsonTest {

    private static final JsonTransform TRANSFORM = new JsonTransform();

    @Test
    void givesTheCanonicalTextOfWhatTheTransformPassesInOneParse() {
        for (String json : List.of("{\"sku\":\"A61145\",\"qty\":9,\"gift\":false,\"tags\":[\"new\"]}",
                " [1.50, -0, {\"b\": null, \"a\": [{}]}] ", "\"tab\\there\"", "true", "{\"k\":1,\"k\":2}")) {
            assertThat(TRANSFORM.apply(json)).as(json).isInstanceOf(TransformResult.Converted.class);
            assertThat(CanonicalJson.ofAccepted(json)).as(json).contains(CanonicalJson.of(json));
        }
    }

    @Test
    void leavesToTheTransformEveryTextItMightReject() {
        for (String json : List.of("", "{\"a\": 1} x", "{'a': 1}", "[1,]", "NaN", "\"\\u0000\"", "{\"\\u0000\": 1}",
                "\"\\ud800\"", "1e999999", "[01]")) {
            assertThat(CanonicalJson.ofAccepted(json)).as(json).isEmpty();
            assertThat(TRANSFORM.apply(json)).as(json).isInstanceOf(TransformResult.Rejected.class);
        }
    }

    @Test
    void writesPlainJsonInOneScanAsTheParserDoes() {
        for (String json : List.of("{\"sku\":\"A61145\",\"qty\":9,\"gift\":false,\"tags\":[\"new\"]}",
                " [1.50, -0, -0.00, -12.5, 0, {\"b\": null, \"a\": [{}], \"a\": []}] ", "\"é ü\"", "true",
                "{\"é\":1,\"ab\":2,\"z\":3,\"zz\":{\"\":[{}]}}", "{ }", "[ ]", "null", "-0.5")) {
            assertThat(PlainJson.canonical(json)).as(json).contains(CanonicalJson.of(json));
        }
    }

    @Test
    void leavesJsonWithEscapesExponentsOrErrorsToTheParser() {
        for (String json : List.of("", " ", "\"tab\\there\"", "1e2", "[1.5E-3]", "\"😀\"", "{\"a\": 1} x", "{'a': 1}",
                "[1,]", "{\"a\":1,}", "[01]", "-", "1.", "+1", "NaN", "tru", "[1 2]", "{\"a\" 1}", "{\"a\":1",
                "\"a\u0001\"", "[\"unterminated]")) {
            assertThat(PlainJson.canonical(json)).as(json).isEmpty();
        }
    }

    @Test
    void leavesValidNumbersWithExponentsAndSurrogatePairsToTheTransformToo() {
        for (String json : List.of("1e2", "[1.5E-3]", "\"😀\"")) {
            assertThat(CanonicalJson.ofAccepted(json)).as(json).isEmpty();
            assertThat(TRANSFORM.apply(json)).as(json).isInstanceOf(TransformResult.Converted.class);
        }
    }
}
