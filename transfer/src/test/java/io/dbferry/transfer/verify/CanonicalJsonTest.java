package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.transform.JsonTransform;
import io.dbferry.transfer.transform.TransformResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    void writesPlainUtf8BytesAsTheParserWritesTheirText() {
        for (String json : List.of("{\"é\":\"ü\",\"ab\":\"€\",\"z\":3}", "[\"日本\", {\"b\": 1, \"a\": 2}]",
                "{\"k\":1,\"k\":2,\"a\":{\"y\":0,\"x\":-0.0}}")) {
            byte[] canonical = PlainJson.canonical(json.getBytes(StandardCharsets.UTF_8));
            assertThat(canonical).as(json).isNotNull();
            assertThat(new String(canonical, StandardCharsets.UTF_8)).as(json).isEqualTo(CanonicalJson.of(json));
        }
    }

    @Test
    void leavesInvalidUtf8AndCharactersBeyondU0xffffToTheParser() {
        byte[][] texts = {
            {'"', (byte) 0xC0, (byte) 0x80, '"'}, // overlong U+0000
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // a surrogate
            {'"', (byte) 0xC3, '"'}, // cut short
            {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"'}, // U+1F600, valid but not plain
            {'"', (byte) 0x80, '"'}, // a lone continuation byte
        };
        for (byte[] text : texts) {
            assertThat(PlainJson.canonical(text)).as(Arrays.toString(text)).isNull();
        }
    }

    @Test
    void leavesValidNumbersWithExponentsAndSurrogatePairsToTheTransformToo() {
        for (String json : List.of("1e2", "[1.5E-3]", "\"😀\"")) {
            assertThat(CanonicalJson.ofAccepted(json)).as(json).isEmpty();
            assertThat(TRANSFORM.apply(json)).as(json).isInstanceOf(TransformResult.Converted.class);
        }
    }

    @Test
    void ordersKeysAsTheParserDoesWhereTheyShareLongPrefixes() {
        // Keys of 0 to 20 characters from a small alphabet, so that many share their first 8 bytes or more and
        // many are duplicates; ASCII and two- and three-byte characters, which change the UTF-8 length. One
        // object in ten has 33 to 60 members, which are sorted another way than small ones.
        java.util.Random random = new java.util.Random(7);
        String[] alphabet = {"a", "b", "é", "日"};
        PlainJson kept = new PlainJson();
        for (int document = 0; document < 2_000; document++) {
            StringBuilder json = new StringBuilder("{");
            int members = document % 10 == 0 ? 33 + random.nextInt(28) : random.nextInt(12);
            for (int m = 0; m < members; m++) {
                StringBuilder key = new StringBuilder(random.nextBoolean() ? "prefix12" : "");
                for (int c = random.nextInt(13); c > 0; c--) {
                    key.append(alphabet[random.nextInt(random.nextInt(10) == 0 ? 4 : 2)]);
                }
                json.append(m == 0 ? "" : ",").append('"').append(key).append("\":").append(m);
            }
            String text = json.append('}').toString();
            assertThat(PlainJson.canonical(text)).as(text).contains(CanonicalJson.of(text));
            assertThat(new String(kept.canonicalOf(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                    .as("with a kept scanner: " + text).isEqualTo(CanonicalJson.of(text));
        }
    }

    @Test
    void aScannerKeptFromOneTextToTheNextWritesWhatAFreshOneWrites() {
        // Texts cut short inside nested objects (which leave members on the scanner's stack), objects nested in
        // members whose keys are out of order at every level, a text longer than the scanner's first buffers and
        // one longer than it keeps.
        String nested = "{\"zz\":{\"b\":1,\"a\":{\"d\":[{\"q\":1,\"p\":2}],\"c\":0}},\"y\":{\"k\":1,\"k\":[]},\"x\":0}";
        String longText = "{\"" + "k".repeat(300) + "\":[" + "1,".repeat(200) + "2],\"a\":\"" + "é".repeat(200) + "\"}";
        String overAMebibyte = "{\"b\":[\"" + "x".repeat(1 << 20) + "\"],\"a\":{\"d\":1,\"c\":2}}";
        List<String> texts = List.of(nested, "{\"b\":{\"z\":1,\"y\":{\"x\":", "{\"a\":1,}", longText, overAMebibyte,
                "[{\"d\":1,\"c\":2},{\"b\":{\"x\":1,\"w\":2}}]", "{\"b\":[{\"y\":1,\"x\":", "\"x\"", nested, "{}",
                "{\"b\":1,\"a\":2}");
        PlainJson kept = new PlainJson();
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] fresh = PlainJson.canonical(utf8);
            assertThat(kept.canonicalOf(utf8)).as(text).isEqualTo(fresh);
            if (fresh != null) {
                assertThat(new String(fresh, StandardCharsets.UTF_8)).as(text).isEqualTo(CanonicalJson.of(text));
            }
        }
        assertThat(PlainJson.canonical(nested.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8)
                .as("PostgreSQL 15's jsonb output of the nested text")
                .isEqualTo("{\"x\": 0, \"y\": {\"k\": []}, \"zz\": {\"a\": {\"c\": 0, \"d\": [{\"p\": 2, \"q\": 1}]},"
                        + " \"b\": 1}}");
    }
}
