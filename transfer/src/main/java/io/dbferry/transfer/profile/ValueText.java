package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.Example;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Source values as SQL-like text for report examples: {@code NULL}, {@code 42}, {@code 1.5}, {@code 'it''s'},
 * {@code x'00FF'}. Control characters stay visible ({@code \n}, {@code \t}, {@code \u0000}), as in reject
 * messages; bytes of TEXT that are not valid UTF-8 appear as {@code \xE9}. Text is built only up to just past
 * {@link Example#MAX_VALUE_CHARS}, which {@link Example} then cuts with an ellipsis. Stateless.
 */
final class ValueText {

    /** Enough to let {@link Example} see the text is too long and cut it. */
    private static final int LIMIT = Example.MAX_VALUE_CHARS + 1;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ValueText() {}

    /**
     * Renders one value.
     *
     * @param value never null
     * @return never null
     */
    static String of(SourceValue value) {
        if (value.isInvalidUtf8()) {
            return invalidText((byte[]) value.value());
        }
        return switch (value.value()) {
            case null -> "NULL";
            case String s -> text(s);
            case byte[] b -> blob(b);
            default -> value.value().toString();
        };
    }

    /**
     * Renders the values of a key: one value alone, several as {@code (1, 'a')}.
     *
     * @param values never null or empty
     * @return never null
     */
    static String tuple(List<SourceValue> values) {
        if (values.size() == 1) {
            return of(values.get(0));
        }
        StringBuilder out = new StringBuilder("(");
        for (SourceValue value : values) {
            out.append(out.length() > 1 ? ", " : "").append(of(value));
        }
        return out.append(')').toString();
    }

    private static String text(String s) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length() && out.length() < LIMIT; i++) {
            appendVisible(out, s.charAt(i));
        }
        return out.append('\'').toString();
    }

    private static void appendVisible(StringBuilder out, char c) {
        switch (c) {
            case '\'' -> out.append("''");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static String blob(byte[] bytes) {
        StringBuilder out = new StringBuilder("x'");
        for (int i = 0; i < bytes.length && out.length() < LIMIT; i++) {
            appendHex(out, bytes[i]);
        }
        return out.append('\'').toString();
    }

    /** Decodes what is valid UTF-8 and shows each malformed byte as {@code \xNN}. */
    private static String invalidText(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        StringBuilder out = new StringBuilder("'");
        while (in.hasRemaining() && out.length() < LIMIT) {
            CoderResult result = decoder.decode(in, chars, true);
            appendDecoded(out, chars);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    appendHex(out.append("\\x"), in.get());
                }
            }
        }
        return out.append('\'').toString();
    }

    private static void appendDecoded(StringBuilder out, CharBuffer chars) {
        chars.flip();
        while (chars.hasRemaining()) {
            appendVisible(out, chars.get());
        }
        chars.clear();
    }

    private static void appendHex(StringBuilder out, byte b) {
        out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
