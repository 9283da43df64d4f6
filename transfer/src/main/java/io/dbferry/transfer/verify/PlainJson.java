package io.dbferry.transfer.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical text ({@link CanonicalJson}'s, jsonb's output) of plain JSON, in one scan of its UTF-8 bytes
 * without a parser object: the common case of the source's JSON, which the profile of issue 7 found to cost a
 * quarter of the verification's time through Jackson, and still a fifth as a scan of Java strings. Plain means
 * strict JSON (RFC 8259 §2–§7) with strings without escapes or control characters, numbers without exponent and
 * at most 16383 characters long, and no U+0000 and nothing beyond U+FFFF (valid UTF-8 of at most three bytes
 * a character, RFC 3629 §4, which excludes surrogates) — text that {@code JsonTransform} surely passes
 * unchanged. Anything else is left to {@link CanonicalJson}. Stateless and thread-safe; an instance is one scan.
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

    private final byte[] in;
    private byte[] out;
    private int length;
    private int at;

    private PlainJson(byte[] in) {
        this.in = in;
        this.out = new byte[in.length + 16];
    }

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
        PlainJson scan = new PlainJson(json);
        try {
            scan.value();
            scan.whitespace();
            return scan.at == json.length ? Arrays.copyOf(scan.out, scan.length) : null;
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) {
            return null; // not plain, or cut short: the parser decides
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

    /**
     * An object, its members in jsonb's key order (shorter UTF-8 first, then byte by byte, which is code point
     * order; the last of duplicate keys wins). Each member is recorded as three offsets into {@code out}: its
     * start, which is its key's, the end of its key (quotes included, which change neither order nor equality)
     * and its end.
     */
    private void object() {
        int start = length;
        put((byte) '{');
        at++;
        whitespace();
        if (in[at] == '}') {
            at++;
            put((byte) '}');
            return;
        }
        int[] members = new int[12];
        int count = 0;
        boolean ordered = true;
        do {
            if (count > 0) {
                put((byte) ',');
                put((byte) ' ');
            }
            whitespace();
            int memberStart = length;
            string();
            int keyEnd = length;
            whitespace();
            expect(':');
            put((byte) ':');
            put((byte) ' ');
            value();
            whitespace();
            if (3 * count + 3 > members.length) {
                members = Arrays.copyOf(members, 2 * members.length);
            }
            members[3 * count] = memberStart;
            members[3 * count + 1] = keyEnd;
            members[3 * count + 2] = length;
            ordered &= count == 0 || compareKeys(members, count - 1, count) < 0;
            count++;
        } while (next() == ',');
        if (in[at - 1] != '}') {
            throw NOT_PLAIN;
        }
        if (!ordered) {
            reorder(start, members, count);
        }
        put((byte) '}');
    }

    /** Rewrites an object's members after its {@code {} in key order; {@code }} is not written yet. */
    private void reorder(int start, int[] members, int count) {
        byte[] written = Arrays.copyOfRange(out, start, length);
        int[] order = sorted(members, count);
        boolean[] overridden = new boolean[count]; // a later duplicate wins, as in jsonb
        for (int i = 0; i + 1 < count; i++) {
            overridden[i] = compareKeys(members, order[i], order[i + 1]) == 0;
        }
        length = start + 1;
        boolean first = true;
        for (int i = 0; i < count; i++) {
            if (overridden[i]) {
                continue;
            }
            int member = order[i];
            if (!first) {
                put((byte) ',');
                put((byte) ' ');
            }
            first = false;
            int from = members[3 * member] - start;
            putBytes(written, from, members[3 * member + 2] - start - from);
        }
    }

    /**
     * The members' indexes in key order, duplicates in input order (a stable sort): an insertion sort, as
     * objects are small (boxing indexes for {@link Arrays#sort(Object[])} took most of this class's time), and
     * that sort for large ones.
     */
    private int[] sorted(int[] members, int count) {
        if (count > 32) {
            Integer[] order = new Integer[count];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> compareKeys(members, a, b));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int member = i;
            int j = i - 1;
            while (j >= 0 && compareKeys(members, order[j], member) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = member;
        }
        return order;
    }

    /** jsonb's key order of members {@code a} and {@code b}: shorter UTF-8 first, then unsigned bytes. */
    private int compareKeys(int[] members, int a, int b) {
        int aLength = members[3 * a + 1] - members[3 * a];
        int bLength = members[3 * b + 1] - members[3 * b];
        if (aLength != bLength) {
            return Integer.compare(aLength, bLength);
        }
        for (int i = members[3 * a], j = members[3 * b]; i < members[3 * a + 1]; i++, j++) {
            if (out[i] != out[j]) {
                return Integer.compare(out[i] & 0xFF, out[j] & 0xFF); // keys are short: no vectorized compare
            }
        }
        return 0;
    }

    private void array() {
        put((byte) '[');
        at++;
        whitespace();
        if (in[at] == ']') {
            at++;
            put((byte) ']');
            return;
        }
        boolean first = true;
        do {
            if (!first) {
                put((byte) ',');
                put((byte) ' ');
            }
            value();
            whitespace();
            first = false;
        } while (next() == ',');
        if (in[at - 1] != ']') {
            throw NOT_PLAIN;
        }
        put((byte) ']');
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
        putBytes(in, start, at - start);
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
        putBytes(in, from, at - from);
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
        putBytes(word, 0, word.length);
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

    private void put(byte b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, 2 * out.length);
        }
        out[length++] = b;
    }

    private void putBytes(byte[] bytes, int from, int count) {
        if (length + count > out.length) {
            out = Arrays.copyOf(out, Math.max(2 * out.length, length + count));
        }
        System.arraycopy(bytes, from, out, length, count);
        length += count;
    }
}
