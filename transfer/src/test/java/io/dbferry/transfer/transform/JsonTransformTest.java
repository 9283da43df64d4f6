package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON text as PostgreSQL's jsonb accepts it (PostgreSQL docs §8.14). */
class JsonTransformTest {

    private final JsonTransform transform = new JsonTransform();

    @Test
    void keepsValidTextUnchanged() {
        String json = "{ \"a\" : [1, 2.5e3, -0, true, null, \"x\\ny\"], \"b\": {} }";
        assertThat(converted(transform.apply(json))).isSameAs(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\"", "1", "-1.5E-3", "true", "false", "null", "[]", " \t\r\n[1, 2] \n",
        "{\"a\":1,\"a\":2}", "\"\\ud83d\\ude00\"", "\"\\\\u0000\"", "\"😀\""})
    void acceptsEveryKindOfRootValue(String json) {
        assertThat(converted(transform.apply(json))).isEqualTo(json);
    }

    @Test
    void rejectsSecondValueAfterTheRoot() {
        assertThat(rejectMessage(transform.apply("{} {}"), RejectReason.INVALID_JSON))
                .isEqualTo("'{} {}' is not valid JSON for jsonb: content follows the JSON value at line 1, column 4");
        rejectMessage(transform.apply("1 2"), RejectReason.INVALID_JSON);
        rejectMessage(transform.apply("[1] x"), RejectReason.INVALID_JSON);
        rejectMessage(transform.apply("\"a\"\"b\""), RejectReason.INVALID_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[Infinity]", "{\"a\": -Infinity}", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}",
        "01", "+1", ".5", "1.", "[1 /* c */]", "// c\n1", "\"tab\there\"", "\uFEFF{}", "[", "{\"a\":}", "tru",
        "\"\\x41\"", "[\"\\u12\"]"})
    void rejectsWhatStrictJsonForbids(String json) {
        assertThat(rejectMessage(transform.apply(json), RejectReason.INVALID_JSON))
                .startsWith(Rejections.quote(json) + " is not valid JSON for jsonb: ");
    }

    @Test
    void rejectsEmptyText() {
        assertThat(rejectMessage(transform.apply(" \n"), RejectReason.INVALID_JSON))
                .isEqualTo("' \\n' is not valid JSON for jsonb: it contains no JSON value");
        rejectMessage(transform.apply(""), RejectReason.INVALID_JSON);
    }

    @Test
    void namesLineAndColumnOfSyntaxError() {
        assertThat(rejectMessage(transform.apply("{\n\"a\": }"), RejectReason.INVALID_JSON)).endsWith("expected a value at line 2, column 6");
    }

    @Test
    void rejectsNulEscapeInValuesAndNames() {
        assertThat(rejectMessage(transform.apply("{\"a\": \"x\\u0000\"}"), RejectReason.INVALID_JSON))
                .isEqualTo("'{\"a\": \"x\\u0000\"}' is not valid JSON for jsonb: \\u0000 at line 1, column 7 cannot be"
                        + " stored in jsonb, whose strings are PostgreSQL text");
        rejectMessage(transform.apply("{\"\\u0000\": 1}"), RejectReason.INVALID_JSON);
        rejectMessage(transform.apply("[[[\"\\u0000\"]]]"), RejectReason.INVALID_JSON);
    }

    @Test
    void rejectsUnpairedSurrogateEscapes() {
        assertThat(rejectMessage(transform.apply("\"\\ud800\""), RejectReason.INVALID_JSON))
                .contains("the unpaired surrogate \\ud800");
        rejectMessage(transform.apply("\"\\ude00\\ud83d\""), RejectReason.INVALID_JSON);
    }

    @Test
    void acceptsNumbersLongerThanJacksonsDefaultLimit() {
        String json = "[1" + "0".repeat(5_000) + ", 0." + "1".repeat(5_000) + "]";
        assertThat(converted(transform.apply(json))).isSameAs(json);
    }

    @Test
    void holdsNumbersToNumericLimits() {
        // PostgreSQL 15: '[1e131071]'::jsonb is valid; '[1e131072]', '{"a":1e-16384}' and '1.0e-16383' fail
        assertThat(converted(transform.apply("[1e131071]"))).isEqualTo("[1e131071]");
        assertThat(rejectMessage(transform.apply("[1e131072]"), RejectReason.INVALID_JSON))
                .isEqualTo("'[1e131072]' is not valid JSON for jsonb: the number at line 1, column 2 exceeds numeric's"
                        + " limits of 131072 digits before and 16383 after the decimal point, which jsonb numbers share");
        rejectMessage(transform.apply("{\"a\":1e-16384}"), RejectReason.INVALID_JSON);
        rejectMessage(transform.apply("1.0e-16383"), RejectReason.INVALID_JSON);
        String longest = "0." + "1".repeat(16_383);
        assertThat(converted(transform.apply(longest))).isSameAs(longest);
        rejectMessage(transform.apply(longest + "1"), RejectReason.INVALID_JSON);
        rejectMessage(transform.apply("[1e99999999999]"), RejectReason.INVALID_JSON);
    }

    @Test
    void acceptsNestingDeeperThanJacksonsDefaultLimit() {
        String json = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(converted(transform.apply(json))).isSameAs(json);
    }

    @Test
    void acceptsStringsLongerThanJacksonsDefaultLimit() {
        // Jackson's default maximum string length is 20,000,000 characters.
        String json = "{\"a\":\"" + "x".repeat(20_000_001) + "\"}";
        assertThat(converted(transform.apply(json))).isSameAs(json);
    }

    @Test
    void writesIntegerAsJsonNumber() {
        assertThat(converted(transform.apply(-42L))).isEqualTo("-42");
    }

    @Test
    void writesRealAsShortestDecimal() {
        assertThat(converted(transform.apply(1.98))).isEqualTo("1.98");
        assertThat(converted(transform.apply(1e20))).isEqualTo("1.0E20");
    }

    @Test
    void rejectsRealsJsonHasNoNumberFor() {
        assertThat(rejectMessage(transform.apply(Double.NaN), RejectReason.INVALID_JSON))
                .isEqualTo("NaN is not valid JSON for jsonb: JSON has no NaN");
        rejectMessage(transform.apply(Double.POSITIVE_INFINITY), RejectReason.INVALID_JSON);
    }

    @Test
    void validatesUtf8BlobAsText() {
        assertThat(converted(transform.apply("{\"é\": 1}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("{\"é\": 1}");
        rejectMessage(transform.apply("{".getBytes(StandardCharsets.UTF_8)), RejectReason.INVALID_JSON);
    }

    @Test
    void rejectsBlobThatIsNotUtf8AsInvalidJson() {
        assertThat(rejectMessage(transform.apply(new byte[] {'"', (byte) 0xFF, '"'}), RejectReason.INVALID_JSON))
                .isEqualTo("x'22FF22' (3 bytes) is not valid UTF-8: malformed sequence at byte offset 1");
    }
}
