package io.dbferry.transfer.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dbferry.transfer.transform.JsonTransform;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical text of a JSON value: the text PostgreSQL's {@code jsonb} output prints for it, so that the
 * target's jsonb text is canonical as read and only the source's JSON needs this class. jsonb "does not
 * preserve white space, does not preserve the order of object keys, and does not keep duplicate object keys.
 * If duplicate keys are specified in the input, only the last value is kept" (PostgreSQL docs §8.14 "JSON
 * Types"). Its output, as PostgreSQL 15's {@code jsonb_out} writes it:
 *
 * <ul>
 *   <li>objects as {@code {"k": v, "k2": v2}}, keys ordered shorter first, then byte by byte (§8.14.4
 *       "jsonb Containment and Existence" and {@code lengthCompareJsonbString} in the source), the last of
 *       duplicate keys kept; arrays as {@code [1, 2]}; {@code {}} and {@code []} when empty;
 *   <li>strings with {@code "} and {@code \} escaped, {@code \b \f \n \r \t} as such, other characters below
 *       U+0020 as {@code \}{@code u00xx}, and everything else as is ({@code escape_json});
 *   <li>numbers as {@code numeric} prints them (jsonb stores numbers as numeric, §8.14 table 8.23): no
 *       exponent, the scale of the input kept ({@code 1.50} stays {@code 1.50}, {@code 1e2} is {@code 100},
 *       {@code 1.5e-3} is {@code 0.0015}), and no negative zero. So {@code 1.0} and {@code 1} differ here,
 *       although jsonb's {@code =} calls them equal: the target holds what the source said.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonTransform.parserFactory();

    /**
     * One member of an object as written: its key, the key's length in UTF-8 bytes, and where its
     * {@code "key": value} text lies in the output.
     */
    private record Member(String key, int keyBytes, int start, int end) {

        Member(String key, int start, int end) {
            this(key, utf8Length(key), start, end);
        }
    }

    /** The longest number without exponent that is surely within numeric's limits (16383 fraction digits). */
    private static final int MAX_PLAIN_NUMBER_LENGTH = 16_383;

    private final JsonParser parser;
    private final StringBuilder out;
    /** Whether to refuse what only {@code JsonTransform} can judge, see {@link #ofAccepted(String)}. */
    private final boolean strict;

    private CanonicalJson(JsonParser parser, StringBuilder out, boolean strict) {
        this.parser = parser;
        this.out = out;
        this.strict = strict;
    }

    /**
     * The canonical text of a JSON document.
     *
     * @param json one JSON value, as {@code JsonTransform} accepts it or PostgreSQL prints it; never null
     * @return never null
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    static String of(String json) {
        return write(json, false);
    }

    /**
     * The canonical text of source JSON text that {@code JsonTransform} surely accepts unchanged, found in one
     * parse instead of the transform's and this class's two: strict JSON, nothing after the value, no
     * {@code \u0000} and no surrogate in any string or key, no number with an exponent or longer than 16383
     * characters. Anything else is left to the transform, which may reject it. Plain JSON, the common case, is
     * written in one scan without a parser ({@link PlainJson}).
     *
     * @param json source text, never null
     * @return the canonical text, empty when the transform must judge the text; never null
     */
    static Optional<String> ofAccepted(String json) {
        Optional<String> plain = PlainJson.canonical(json);
        if (plain.isPresent()) {
            return plain;
        }
        try {
            return Optional.of(write(json, true));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the transform judges it and says why
        }
    }

    private static String write(String json, boolean strict) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value in '" + json + "'");
            }
            StringBuilder out = new StringBuilder(json.length() + 16);
            new CanonicalJson(parser, out, strict).value(first);
            if (strict && parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON value");
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private void value(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> string(parser.getText());
            case VALUE_NUMBER_INT -> out.append(integer(checkedNumber()));
            case VALUE_NUMBER_FLOAT -> out.append(numeric(checkedNumber()));
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** The number's text; in strict mode, refuses one that might exceed numeric's limits. */
    private String checkedNumber() throws IOException {
        String text = parser.getText();
        if (strict && (text.length() > MAX_PLAIN_NUMBER_LENGTH || text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
            throw new IllegalArgumentException("a number for JsonTransform to judge");
        }
        return text;
    }

    /** Writes the members in input order, then reorders them in place when they are not in jsonb's order. */
    private void object() throws IOException {
        int start = out.length();
        out.append('{');
        List<Member> members = new ArrayList<>();
        boolean ordered = true;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            if (!members.isEmpty()) {
                out.append(", ");
            }
            int memberStart = out.length();
            string(key);
            out.append(": ");
            value(parser.nextToken());
            Member member = new Member(key, memberStart, out.length());
            ordered &= members.isEmpty() || compare(members.getLast(), member) < 0;
            members.add(member);
        }
        if (!ordered) {
            reorder(out, start, members);
        }
        out.append('}');
    }

    /**
     * Rewrites an object's members, written after {@code start} (its {@code {}) in input order, in jsonb's key
     * order, keeping the last of duplicate keys; {@code }} is not written yet.
     */
    private static void reorder(StringBuilder out, int start, List<Member> members) {
        String written = out.substring(start);
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(CanonicalJson::compare); // stable: duplicates stay in input order
        out.setLength(start + 1);
        for (int i = 0; i < sorted.size(); i++) {
            Member member = sorted.get(i);
            if (i + 1 < sorted.size() && compare(member, sorted.get(i + 1)) == 0) {
                continue; // a later duplicate wins, as in jsonb
            }
            if (out.length() > start + 1) {
                out.append(", ");
            }
            out.append(written, member.start() - start, member.end() - start);
        }
    }

    /** jsonb's key order: shorter UTF-8 first, then byte by byte, which is code point order. */
    private static int compare(Member a, Member b) {
        if (a.keyBytes() != b.keyBytes()) {
            return Integer.compare(a.keyBytes(), b.keyBytes());
        }
        return KeyColumns.compareCodePoints(a.key(), b.key());
    }

    private static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800, 3 above; a surrogate pair (4 bytes) counts 2 + 2
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    private void array() throws IOException {
        out.append('[');
        boolean first = true;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (!first) {
                out.append(", ");
            }
            value(token);
            first = false;
        }
        out.append(']');
    }

    /** A JSON integer as numeric prints it: as written, but for {@code -0}. */
    private static String integer(String text) {
        return text.equals("-0") ? "0" : text;
    }

    /**
     * A JSON number as numeric prints it: the scale is the fraction digits less the exponent, at least 0
     * (PostgreSQL's {@code set_var_from_str}), and zero has no sign.
     */
    static String numeric(String text) {
        BigDecimal value = new BigDecimal(text);
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return value.signum() == 0 ? value.abs().toPlainString() : value.toPlainString();
    }

    /**
     * A JSON string as {@code escape_json} writes it; in strict mode, refuses U+0000 and surrogates, which
     * {@code JsonTransform} judges.
     */
    private void string(String text) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (strict && (c == 0 || Character.isSurrogate(c))) {
                throw new IllegalArgumentException("a string for JsonTransform to judge");
            }
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(text, plain, text.length()).append('"');
    }
}
