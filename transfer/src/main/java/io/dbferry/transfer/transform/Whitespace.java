package io.dbferry.transfer.transform;

/**
 * The whitespace PostgreSQL's input functions skip around a value: C's {@code isspace()} in the "C"
 * locale — space, tab, newline, vertical tab, form feed and carriage return (e.g. {@code boolin},
 * {@code int8in}, {@code float8in} and {@code numeric_in} in PostgreSQL's sources). Only these are
 * skipped, so a no-break space or other Unicode space keeps a value invalid. Stateless.
 */
final class Whitespace {

    private Whitespace() {}

    /**
     * Whether a character is skipped around values.
     *
     * @param c any character
     * @return true for space, {@code \t}, {@code \n}, {@code \u000B}, {@code \f}, {@code \r}
     */
    static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * The index of the first character that is not whitespace.
     *
     * @param text never null
     * @return in {@code [0, text.length()]}; {@code text.length()} when the text is all whitespace
     */
    static int start(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The index after the last character that is not whitespace, not before {@code start}.
     *
     * @param text never null
     * @param start where the value starts, from {@link #start(String)}
     * @return in {@code [start, text.length()]}
     */
    static int end(String text, int start) {
        int i = text.length();
        while (i > start && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
