package io.dbferry.transfer.pipeline;

import java.util.HexFormat;

/**
 * Source values as they appear in messages: text quoted in SQL style ({@code 'it''s'}), bytes as a hex literal
 * ({@code x'00ff'}), both cut to {@value #MAX_CHARS} characters with an ellipsis; other values by
 * {@code toString}. Stateless.
 */
public final class ValueText {

    /** The most characters of a text or hex value a message shows. */
    public static final int MAX_CHARS = 60;

    private ValueText() {}

    /**
     * A value for a message.
     *
     * @param value a source value (Long, Double, String, byte[], another type, or null)
     * @return {@code NULL}, the quoted and cut text or hex, or the value's {@code toString}; never null
     */
    public static String quote(Object value) {
        return switch (value) {
            case null -> "NULL";
            case String s -> "'" + cut(s.replace("'", "''")) + "'";
            case byte[] b -> "x'" + cut(HexFormat.of().formatHex(b)) + "'";
            default -> value.toString();
        };
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
