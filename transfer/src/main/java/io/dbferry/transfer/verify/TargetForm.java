package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A transformed source value as the target column stores it, where that differs from what {@code migrate}
 * sends — so that the source row's binary COPY form is the one PostgreSQL gives back for the target row
 * ({@link BinaryDigests}):
 *
 * <ul>
 *   <li>{@code numeric(p,s)}: rounded or padded to {@code s} fraction digits, as the input function applies the
 *       type modifier (PostgreSQL docs §8.1.2); the stored display scale is then {@code s}.
 *   <li>{@code varchar(n)}: cut to n characters (PostgreSQL cuts excess trailing spaces, §8.3).
 *   <li>{@code character(n)}: cut, or padded with spaces, to n characters: {@code bpchar} stores them (§8.3).
 *   <li>{@code jsonb}: the text {@code jsonb} prints ({@link CanonicalJson}), which its binary form holds.
 * </ul>
 *
 * Every other value is stored as sent. Stateless.
 */
final class TargetForm {

    private TargetForm() {}

    /**
     * The value as the target stores it.
     *
     * @param type the target column's type, never null
     * @param value a value of the Java type the column's transform produces, never null
     * @return never null
     * @throws ClassCastException when the value's Java type does not fit the target type
     * @throws IllegalArgumentException when a {@code jsonb} value is not JSON
     */
    static Object of(TargetType type, Object value) {
        return switch (type.type()) {
            case NUMERIC -> type.precision() > 0 && ((BigDecimal) value).scale() != type.scale()
                    ? ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP) : value;
            case VARCHAR -> type.length() == 0 ? value : cut((String) value, type.length());
            case CHAR -> type.length() == 0 ? value : padded((String) value, type.length());
            case JSONB -> CanonicalJson.of((String) value);
            default -> value;
        };
    }

    /**
     * The text cut to its first {@code length} characters (code points), as {@code varchar(n)} cuts excess spaces.
     *
     * @param text never null
     * @param length characters, ≥ 0
     * @return the text itself when it is no longer; never null
     */
    static String cut(String text, int length) {
        return text.length() <= length || text.codePointCount(0, text.length()) <= length ? text
                : text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static String padded(String text, int length) {
        int have = text.codePointCount(0, text.length());
        return have >= length ? cut(text, length) : text + " ".repeat(length - have);
    }
}
