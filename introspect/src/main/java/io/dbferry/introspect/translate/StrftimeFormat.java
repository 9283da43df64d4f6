package io.dbferry.introspect.translate;

import java.util.Map;

/**
 * Turns a SQLite {@code strftime} format (https://www.sqlite.org/lang_datefunc.html §"strftime") into a
 * PostgreSQL {@code to_char} template (docs §9.8, Table 9.26). Only the substitutions whose output is the same in
 * both are translated; literal text is double-quoted in the template so that PostgreSQL copies it as it is.
 * Stateless.
 */
final class StrftimeFormat {

    /** SQLite substitution → to_char pattern with the same output. */
    private static final Map<Character, String> PATTERNS = Map.of(
            'd', "DD", 'f', "SS.MS", 'H', "HH24", 'j', "DDD", 'm', "MM", 'M', "MI", 'S', "SS", 'Y', "YYYY");

    private StrftimeFormat() {}

    /**
     * The to_char template.
     *
     * @param format the strftime format, never null
     * @return the template, or null when the format uses a substitution with no equal to_char pattern (e.g.
     *     {@code %w}, {@code %W}, {@code %s} among other text) or a literal {@code "} or {@code \}
     */
    static String toCharTemplate(String format) {
        StringBuilder template = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) != '%') {
                String pattern = PATTERNS.get(format.charAt(++i));
                if (pattern == null) {
                    return null;
                }
                flush(literal, template);
                template.append(pattern);
            } else if (c == '"' || c == '\\') {
                return null;
            } else {
                literal.append(c);
                i += c == '%' ? 1 : 0;
            }
        }
        flush(literal, template);
        return template.toString();
    }

    /**
     * The first substitution of a format that has no to_char equal, for the reason of an untranslatable one.
     *
     * @param format the strftime format, never null
     * @return e.g. {@code "%w"}, or the whole format when a literal character is the problem
     */
    static String firstUnsupported(String format) {
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) == '%') {
                char c = format.charAt(++i);
                if (c != '%' && !PATTERNS.containsKey(c)) {
                    return "%" + c;
                }
            }
        }
        return format;
    }

    private static void flush(StringBuilder literal, StringBuilder template) {
        if (!literal.isEmpty()) {
            template.append('"').append(literal).append('"');
            literal.setLength(0);
        }
    }
}
