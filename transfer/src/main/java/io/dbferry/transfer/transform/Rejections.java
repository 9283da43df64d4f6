package io.dbferry.transfer.transform;

/**
 * The shared wording of reject messages: how a source value is quoted in a message, and the reject for a
 * storage class a target type cannot take at all. Stateless.
 */
final class Rejections {

    /** The most characters of a TEXT value, or hex digits of a BLOB, a message quotes before cutting it. */
    static final int MAX_QUOTED_CHARS = 60;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rejections() {}

    /**
     * Quotes a source value for a message: TEXT in single quotes with control characters escaped, INTEGER
     * and REAL as Java prints them, BLOB as a SQLite blob literal ({@code x'0A1B'}); long values are cut
     * after {@value #MAX_QUOTED_CHARS} characters and their full length is added.
     *
     * @param value the source value, never null
     * @return never null
     */
    static String quote(Object value) {
        return switch (value) {
            case String s -> quoteText(s);
            case byte[] b -> quoteBlob(b);
            case Long l -> l.toString();
            case Double d -> d.toString();
            default -> "a " + value.getClass().getName() + " value";
        };
    }

    /**
     * The reject for a value whose storage class the target type cannot take.
     *
     * @param value the source value, never null
     * @param target the target type as PostgreSQL spells it, e.g. {@code "integer"}; never null
     * @return a {@link RejectReason#UNSUPPORTED_STORAGE_CLASS} reject, never null
     */
    static TransformResult unsupported(Object value, String target) {
        String storageClass = storageClass(value);
        String described = storageClass == null ? quote(value) : storageClass + " " + quote(value);
        return TransformResult.rejected(RejectReason.UNSUPPORTED_STORAGE_CLASS,
                described + " cannot be converted to " + target);
    }

    /**
     * The SQLite storage class (https://www.sqlite.org/datatype3.html §2) the reader produced a value for.
     *
     * @param value never null
     * @return e.g. {@code "BLOB"}; null for a Java type that is not one of a storage class
     */
    private static String storageClass(Object value) {
        return switch (value) {
            case Long l -> "INTEGER";
            case Double d -> "REAL";
            case String s -> "TEXT";
            case byte[] b -> "BLOB";
            default -> null;
        };
    }

    private static String quoteText(String text) {
        int cut = text.length() <= MAX_QUOTED_CHARS ? text.length() : cutPoint(text);
        StringBuilder out = new StringBuilder(cut + 24).append('\'');
        for (int i = 0; i < cut; i++) {
            appendVisible(out, text.charAt(i));
        }
        out.append('\'');
        if (cut < text.length()) {
            out.insert(out.length() - 1, '…').append(" (").append(text.codePointCount(0, text.length()))
                    .append(" characters)");
        }
        return out.toString();
    }

    /** Cuts before {@value #MAX_QUOTED_CHARS} chars without splitting a surrogate pair. */
    private static int cutPoint(String text) {
        return Character.isHighSurrogate(text.charAt(MAX_QUOTED_CHARS - 1)) ? MAX_QUOTED_CHARS - 1
                : MAX_QUOTED_CHARS;
    }

    private static void appendVisible(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static String quoteBlob(byte[] bytes) {
        int shown = Math.min(bytes.length, MAX_QUOTED_CHARS / 2);
        StringBuilder out = new StringBuilder(shown * 2 + 24).append("x'");
        for (int i = 0; i < shown; i++) {
            out.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        if (shown < bytes.length) {
            out.append('…');
        }
        return out.append("' (").append(bytes.length).append(bytes.length == 1 ? " byte)" : " bytes)")
                .toString();
    }
}
