package io.dbferry.transfer.transform;

/**
 * Converts a source value to {@code boolean} ({@link Boolean}).
 *
 * <ul>
 *   <li>INTEGER: 0 and 1 only, how SQLite stores booleans (https://www.sqlite.org/datatype3.html §2.1
 *       "Boolean Datatype"); any other integer is {@link RejectReason#NOT_A_BOOLEAN}.
 *   <li>REAL: 0.0 and 1.0 only.
 *   <li>TEXT: {@code 1}/{@code 0}, {@code t}/{@code f}, {@code true}/{@code false}, {@code y}/{@code n},
 *       {@code yes}/{@code no}, {@code on}/{@code off}, in any case, surrounding whitespace ignored
 *       (PostgreSQL docs §8.6 "Boolean Type"). The unique prefixes PostgreSQL also accepts (e.g.
 *       {@code tr}) are rejected: they are more likely typos in source data than intent.
 *   <li>BLOB: {@link RejectReason#UNSUPPORTED_STORAGE_CLASS}.
 * </ul>
 *
 * <p>Stateless and thread-safe; allocates nothing but the result.
 */
public final class BooleanTransform implements ValueTransform {

    private static final String[] TRUE_WORDS = {"true", "yes", "on"};
    private static final String[] FALSE_WORDS = {"false", "no", "off"};
    private static final String ACCEPTED = " (accepted: 0/1, t/f, true/false, yes/no, y/n, on/off)";

    /** Creates the transform; it has no settings. */
    public BooleanTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@link Boolean}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case Long l when l == 0 || l == 1 -> TransformResult.converted(l == 1);
            case Long l -> notBoolean(value, " (accepted integers: 0 and 1)");
            case Double d when d == 0.0 || d == 1.0 -> TransformResult.converted(d == 1.0);
            case Double d -> notBoolean(value, " (accepted reals: 0.0 and 1.0)");
            case String s -> fromText(s);
            default -> Rejections.unsupported(value, "boolean");
        };
    }

    private static TransformResult fromText(String text) {
        int start = Whitespace.start(text);
        int end = Whitespace.end(text, start);
        if (end - start == 1) {
            return oneLetter(text, text.charAt(start));
        }
        for (String word : TRUE_WORDS) {
            if (AsciiKeyword.matches(text, start, end, word)) {
                return TransformResult.converted(Boolean.TRUE);
            }
        }
        for (String word : FALSE_WORDS) {
            if (AsciiKeyword.matches(text, start, end, word)) {
                return TransformResult.converted(Boolean.FALSE);
            }
        }
        return notBoolean(text, ACCEPTED);
    }

    private static TransformResult oneLetter(String text, char c) {
        return switch (c) {
            case '1', 't', 'T', 'y', 'Y' -> TransformResult.converted(Boolean.TRUE);
            case '0', 'f', 'F', 'n', 'N' -> TransformResult.converted(Boolean.FALSE);
            default -> notBoolean(text, ACCEPTED);
        };
    }

    private static TransformResult notBoolean(Object value, String accepted) {
        return TransformResult.rejected(RejectReason.NOT_A_BOOLEAN,
                Rejections.quote(value) + " is not a boolean" + accepted);
    }
}
