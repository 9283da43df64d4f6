package io.dbferry.introspect.sqlite;

import io.dbferry.introspect.model.ColumnType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQLite declared type such as {@code NVARCHAR(160)} or {@code NUMERIC(10, 2)} into name and
 * modifiers. SQLite itself ignores the numbers (https://www.sqlite.org/datatype3.html §3.1), but they are
 * the user's intent and the type mapping keeps them.
 */
final class DeclaredTypeParser {

    private static final Pattern TYPE = Pattern.compile(
            "\\s*(.*?)\\s*(?:\\(\\s*([+-]?\\d+)\\s*(?:,\\s*([+-]?\\d+)\\s*)?\\))?\\s*");

    private DeclaredTypeParser() {}

    /**
     * Parses a declared type. One number is a length for character types and a precision otherwise; two
     * numbers are precision and scale. Negative or unparsable numbers are ignored.
     *
     * @param declared the declared type, null or empty for an untyped column
     * @return never null
     */
    static ColumnType parse(String declared) {
        if (declared == null || declared.isBlank()) {
            return ColumnType.of("");
        }
        Matcher m = TYPE.matcher(declared);
        if (!m.matches() || m.group(2) == null) {
            return ColumnType.of(declared.trim());
        }
        String name = m.group(1);
        int first = nonNegative(m.group(2));
        int second = m.group(3) == null ? 0 : nonNegative(m.group(3));
        boolean character = name.toUpperCase(java.util.Locale.ROOT).contains("CHAR");
        if (m.group(3) == null && character) {
            return new ColumnType(name, first, 0, 0);
        }
        return new ColumnType(name, 0, first, Math.min(second, first));
    }

    private static int nonNegative(String digits) {
        try {
            return Math.max(0, Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
