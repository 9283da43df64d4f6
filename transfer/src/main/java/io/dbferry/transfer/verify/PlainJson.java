package io.dbferry.transfer.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical text ({@link CanonicalJson}'s, jsonb's output) of plain JSON, in one scan without a parser
 * object: the common case of the source's JSON, which the profile of issue 7 found to cost a quarter of the
 * verification's time through Jackson. Plain means strict JSON (RFC 8259 §2–§7) with strings without escapes
 * or control characters, numbers without exponent and at most 16383 characters long, and no U+0000 or surrogate
 * — text that {@code JsonTransform} surely passes unchanged. Anything else is left to {@link CanonicalJson}.
 * Stateless and thread-safe; an instance is one scan.
 */
final class PlainJson {

    private static final int MAX_NUMBER_LENGTH = 16_383;

    /** Why a scan stopped: the text is not plain. Without a stack trace, as it is expected. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final String text;
    private final StringBuilder out;
    private int at;

    private PlainJson(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length() + 16);
    }

    /**
     * The canonical text of plain JSON.
     *
     * @param json source text, never null
     * @return the canonical text, empty when the text is not plain JSON; never null
     */
    static Optional<String> canonical(String json) {
        PlainJson scan = new PlainJson(json);
        try {
            scan.value();
            scan.whitespace();
            return scan.at == json.length() ? Optional.of(scan.out.toString()) : Optional.empty();
        } catch (NotPlain | StringIndexOutOfBoundsException e) {
            return Optional.empty(); // not plain, or cut short: the parser decides
        }
    }

    private void value() {
        whitespace();
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> out.append(string());
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object() {
        int start = out.length();
        out.append('{');
        at++;
        List<CanonicalJson.Member> members = new ArrayList<>();
        boolean ordered = true;
        whitespace();
        if (text.charAt(at) == '}') {
            at++;
            out.append('}');
            return;
        }
        do {
            if (!members.isEmpty()) {
                out.append(", ");
            }
            whitespace();
            int memberStart = out.length();
            String key = string();
            out.append(key);
            whitespace();
            expect(':');
            out.append(": ");
            value();
            whitespace();
            // the key with its quotes, which change neither the order nor equality of keys
            CanonicalJson.Member member = new CanonicalJson.Member(key, memberStart, out.length());
            ordered &= members.isEmpty() || CanonicalJson.compare(members.getLast(), member) < 0;
            members.add(member);
        } while (next() == ',');
        if (text.charAt(at - 1) != '}') {
            throw NOT_PLAIN;
        }
        if (!ordered) {
            CanonicalJson.reorder(out, start, members);
        }
        out.append('}');
    }

    private void array() {
        out.append('[');
        at++;
        whitespace();
        if (text.charAt(at) == ']') {
            at++;
            out.append(']');
            return;
        }
        boolean first = true;
        do {
            if (!first) {
                out.append(", ");
            }
            value();
            whitespace();
            first = false;
        } while (next() == ',');
        if (text.charAt(at - 1) != ']') {
            throw NOT_PLAIN;
        }
        out.append(']');
    }

    /** A string without escapes, quotes included; its text is already as jsonb prints it. */
    private String string() {
        expect('"');
        int start = at - 1;
        for (char c = text.charAt(at); c != '"'; c = text.charAt(++at)) {
            if (c < 0x20 || c == '\\' || Character.isSurrogate(c)) {
                throw NOT_PLAIN;
            }
        }
        at++;
        return text.substring(start, at);
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)?}, printed as numeric prints it: as written, but zero unsigned. */
    private void number() {
        int start = at;
        boolean negative = text.charAt(at) == '-';
        if (negative) {
            at++;
        }
        boolean zero = true;
        int integerStart = at;
        zero &= digits();
        if (text.charAt(integerStart) == '0' && at - integerStart > 1) {
            throw NOT_PLAIN; // a leading zero
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            zero &= digits();
        }
        boolean exponent = at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E');
        if (exponent || at - start > MAX_NUMBER_LENGTH) {
            throw NOT_PLAIN;
        }
        out.append(text, negative && zero ? start + 1 : start, at);
    }

    /** Reads one or more digits; returns whether all were zeros. */
    private boolean digits() {
        int start = at;
        boolean zero = true;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            zero &= text.charAt(at) == '0';
            at++;
        }
        if (at == start) {
            throw NOT_PLAIN;
        }
        return zero;
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw NOT_PLAIN;
        }
        at += word.length();
        out.append(word);
    }

    private void whitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw NOT_PLAIN;
        }
        at++;
    }

    private char next() {
        return text.charAt(at++);
    }
}
