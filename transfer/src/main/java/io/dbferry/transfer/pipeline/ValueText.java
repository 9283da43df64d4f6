package io.dbferry.transfer.pipeline;

import java.util.HexFormat;

/** Source values as they appear in messages: strings quoted and cut to {@value #MAX_CHARS} characters. */
final class ValueText {

    static final int MAX_CHARS = 60;

    private ValueText() {}

    static String quote(Object value) {
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
