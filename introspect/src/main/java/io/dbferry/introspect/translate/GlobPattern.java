package io.dbferry.introspect.translate;

/**
 * Turns a SQLite GLOB pattern into the PostgreSQL regular expression that matches the same strings. GLOB
 * (https://www.sqlite.org/lang_expr.html §8 and the {@code patternCompare} comment in SQLite's {@code func.c}) is
 * case-sensitive and matches the whole string: {@code *} any run of characters, {@code ?} one character,
 * {@code [...]} one character of a set, {@code [^...]} one not in it. PostgreSQL's POSIX regular expressions
 * (docs §9.7.3) are case-sensitive too, anchored here with {@code ^…$}. Stateless.
 */
final class GlobPattern {

    private static final String REGEX_SPECIALS = ".+()|{}\\$^";

    private GlobPattern() {}

    /**
     * The regular expression.
     *
     * @param glob the pattern, never null
     * @return e.g. {@code ^a.*\.txt$} for {@code a*.txt}; never null
     */
    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                regex.append('[').append(glob.substring(i + 1, close).replace("\\", "\\\\")).append(']');
                i = close;
            } else if (REGEX_SPECIALS.indexOf(c) >= 0 || c == '[' || c == ']') {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
            i++;
        }
        return regex.append('$').toString();
    }
}
