package io.dbferry.transfer.verify;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The canonical text ({@link CanonicalJson}'s, jsonb's output) of plain JSON, in one scan of its UTF-8 bytes
 * without a parser object: the common case of the source's JSON, which the profile of issue 7 found to cost a
 * quarter of the verification's time through Jackson, and still a fifth as a scan of Java strings. Plain means
 * strict JSON (RFC 8259 §2–§7) with strings without escapes or control characters, numbers without exponent and
 * at most 16383 characters long, and no U+0000 and nothing beyond U+FFFF (valid UTF-8 of at most three bytes
 * a character, RFC 3629 §4, which excludes surrogates) — text that {@code JsonTransform} surely passes
 * unchanged. Anything else is left to {@link CanonicalJson}. The static methods are thread-safe; an instance keeps its
 * buffers from one text to the next and is not.
 */
final class PlainJson {

    private static final int MAX_NUMBER_LENGTH = 16_383;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** Why a scan stopped: the text is not plain. Without a stack trace, as it is expected. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final JsonBytes out = new JsonBytes();
    private byte[] in;
    private int at;

    /** A scanner whose buffers are kept from one text to the next: one per thread, or one per reader. */
    PlainJson() {}

    /**
     * The canonical text of plain JSON.
     *
     * @param json source text, never null
     * @return the canonical text, empty when the text is not plain JSON; never null
     */
    static Optional<String> canonical(String json) {
        for (int i = 0; i < json.length(); i++) {
            if (Character.isSurrogate(json.charAt(i))) {
                return Optional.empty(); // getBytes would replace a lone one; pairs are not plain anyway
            }
        }
        byte[] canonical = canonical(json.getBytes(StandardCharsets.UTF_8));
        return canonical == null ? Optional.empty() : Optional.of(new String(canonical, StandardCharsets.UTF_8));
    }

    /**
     * The canonical text of plain JSON, as UTF-8.
     *
     * @param json the source's text as UTF-8 bytes, never null; not changed
     * @return the canonical text's UTF-8 bytes, a new array; null when the text is not plain JSON
     */
    static byte[] canonical(byte[] json) {
        return new PlainJson().canonicalOf(json);
    }

    /**
     * As {@link #canonical(byte[])}, with this scanner's buffers.
     *
     * @param json the source's text as UTF-8 bytes, never null; not changed nor kept
     * @return the canonical text's UTF-8 bytes, a new array; null when the text is not plain JSON
     */
    byte[] canonicalOf(byte[] json) {
        in = json;
        at = 0;
        out.reset();
        try {
            value();
            whitespace();
            return at == json.length ? out.toArray() : null;
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) {
            return null; // not plain, or cut short: the parser decides
        } finally {
            in = null;
        }
    }

    private void value() {
        whitespace();
        switch (in[at]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> number();
        }
    }

    /** An object, its members in jsonb's key order ({@link JsonBytes#endObject}). */
    private void object() {
        int objectStart = out.length();
        int members = out.beginObject();
        out.put((byte) '{');
        at++;
        whitespace();
        if (in[at] == '}') {
            at++;
            out.put((byte) '}');
            return;
        }
        boolean first = true;
        do {
            if (!first) {
                out.put((byte) ',');
                out.put((byte) ' ');
            }
            first = false;
            whitespace();
            int memberStart = out.length();
            string();
            int keyEnd = out.length();
            whitespace();
            expect(':');
            out.put((byte) ':');
            out.put((byte) ' ');
            value();
            whitespace();
            out.addMember(memberStart, keyEnd);
        } while (next() == ',');
        if (in[at - 1] != '}') {
            throw NOT_PLAIN;
        }
        out.endObject(members, objectStart);
        out.put((byte) '}');
    }

    private void array() {
        out.put((byte) '[');
        at++;
        whitespace();
        if (in[at] == ']') {
            at++;
            out.put((byte) ']');
            return;
        }
        boolean first = true;
        do {
            if (!first) {
                out.put((byte) ',');
                out.put((byte) ' ');
            }
            value();
            whitespace();
            first = false;
        } while (next() == ',');
        if (in[at - 1] != ']') {
            throw NOT_PLAIN;
        }
        out.put((byte) ']');
    }

    /** A string without escapes, quotes included, copied as is: jsonb prints it so. */
    private void string() {
        expect('"');
        int start = at - 1;
        for (int b = in[at]; b != '"'; b = in[at]) {
            if (b >= 0x20 && b != '\\') {
                at++; // ASCII
            } else if (b < 0) {
                at += utf8Sequence(at);
            } else {
                throw NOT_PLAIN; // a control character or an escape
            }
        }
        at++;
        out.putBytes(in, start, at - start);
    }

    /**
     * The length of the valid two- or three-byte UTF-8 sequence at {@code i} (RFC 3629 §4: no overlong forms,
     * no surrogates); four-byte sequences, beyond U+FFFF, are not plain.
     */
    private int utf8Sequence(int i) {
        int lead = in[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation(i + 1, 0x80, 0xBF);
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            continuation(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF);
            continuation(i + 2, 0x80, 0xBF);
            return 3;
        }
        throw NOT_PLAIN;
    }

    private void continuation(int i, int low, int high) {
        int b = in[i] & 0xFF;
        if (b < low || b > high) {
            throw NOT_PLAIN;
        }
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)?}, printed as numeric prints it: as written, but zero unsigned. */
    private void number() {
        int start = at;
        boolean negative = in[at] == '-';
        if (negative) {
            at++;
        }
        int integerStart = at;
        boolean zero = digits();
        if (in[integerStart] == '0' && at - integerStart > 1) {
            throw NOT_PLAIN; // a leading zero
        }
        if (at < in.length && in[at] == '.') {
            at++;
            zero &= digits();
        }
        boolean exponent = at < in.length && (in[at] == 'e' || in[at] == 'E');
        if (exponent || at - start > MAX_NUMBER_LENGTH) {
            throw NOT_PLAIN;
        }
        int from = negative && zero ? start + 1 : start;
        out.putBytes(in, from, at - from);
    }

    /** Reads one or more digits; returns whether all were zeros. */
    private boolean digits() {
        int start = at;
        boolean zero = true;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            zero &= in[at] == '0';
            at++;
        }
        if (at == start) {
            throw NOT_PLAIN;
        }
        return zero;
    }

    private void literal(byte[] word) {
        for (int i = 0; i < word.length; i++) {
            if (in[at + i] != word[i]) { // past the end: the caller treats the exception as not plain
                throw NOT_PLAIN;
            }
        }
        at += word.length;
        out.putBytes(word, 0, word.length);
    }

    private void whitespace() {
        while (at < in.length) {
            byte b = in[at];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return;
            }
            at++;
        }
    }

    private void expect(char c) {
        if (in[at] != c) {
            throw NOT_PLAIN;
        }
        at++;
    }

    private byte next() {
        return in[at++];
    }
}
