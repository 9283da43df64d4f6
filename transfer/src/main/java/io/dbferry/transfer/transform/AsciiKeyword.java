package io.dbferry.transfer.transform;

/**
 * Matches input against keywords such as {@code true} or {@code Infinity} the way PostgreSQL's input
 * functions do: case-insensitively in ASCII only ({@code pg_strncasecmp}). {@link String#equalsIgnoreCase}
 * would also match e.g. U+017F (long s) to {@code s}. Stateless.
 */
final class AsciiKeyword {

    private AsciiKeyword() {}

    /**
     * Whether {@code text[start, end)} is the keyword, ignoring ASCII case.
     *
     * @param text never null
     * @param start the first index to compare
     * @param end the index after the last one to compare, ≥ start
     * @param lowerCaseKeyword the keyword in lower case, never null
     * @return true when the range has the keyword's length and matches it
     */
    static boolean matches(String text, int start, int end, String lowerCaseKeyword) {
        if (end - start != lowerCaseKeyword.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseKeyword.length(); i++) {
            char c = text.charAt(start + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerCaseKeyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
