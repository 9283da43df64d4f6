package io.dbferry.transfer.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dbferry.transfer.transform.JsonTransform;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a JSON value as {@code jsonb} holds it (PostgreSQL docs §8.14 "JSON Types"): jsonb
 * "does not preserve white space, does not preserve the order of object keys, and does not keep duplicate
 * object keys. If duplicate keys are specified in the input, only the last value is kept." So: no
 * whitespace, object keys sorted, the last of duplicate keys kept, strings re-escaped the one way below, and
 * numbers — which jsonb stores as {@code numeric} — compared by value ({@code 1.0} = {@code 1},
 * {@code 1e2} = {@code 100}, as jsonb's {@code =} says). Stateless and thread-safe.
 */
final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonTransform.parserFactory();

    private CanonicalJson() {}

    /**
     * The canonical text of a JSON document.
     *
     * @param json one JSON value, as {@code JsonTransform} accepts it or PostgreSQL prints it; never null
     * @return never null
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    static String of(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value in '" + json + "'");
            }
            StringBuilder out = new StringBuilder(json.length());
            value(parser, first, out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static void value(JsonParser parser, JsonToken token, StringBuilder out) throws IOException {
        switch (token) {
            case START_OBJECT -> object(parser, out);
            case START_ARRAY -> array(parser, out);
            case VALUE_STRING -> string(parser.getText(), out);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    out.append(CanonicalValue.numberText(new BigDecimal(parser.getText())));
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    private static void object(JsonParser parser, StringBuilder out) throws IOException {
        Map<String, String> members = new TreeMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            StringBuilder member = new StringBuilder();
            value(parser, parser.nextToken(), member);
            members.put(name, member.toString()); // the last of duplicate keys wins, as in jsonb
        }
        out.append('{');
        String separator = "";
        for (Map.Entry<String, String> member : members.entrySet()) {
            out.append(separator);
            string(member.getKey(), out);
            out.append(':').append(member.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static void array(JsonParser parser, StringBuilder out) throws IOException {
        List<String> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            StringBuilder element = new StringBuilder();
            value(parser, token, element);
            elements.add(element.toString());
        }
        out.append('[').append(String.join(",", elements)).append(']');
    }

    /** A JSON string: quote, backslash and control characters escaped, everything else as is. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
