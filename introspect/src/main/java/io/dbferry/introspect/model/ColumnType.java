package io.dbferry.introspect.model;

import java.util.Objects;

/**
 * A column's type as declared in its database, kept verbatim.
 *
 * <p>SQLite accepts any type name (see https://www.sqlite.org/datatype3.html §3.1), so {@code name} may be
 * {@code "NVARCHAR"}, {@code "DATETIME"} or empty for an untyped column. Modifiers that were not declared
 * are 0: {@code VARCHAR(40)} has length 40, {@code NUMERIC(10,2)} precision 10 and scale 2.
 *
 * @param name the declared type name without modifiers, never null, empty when untyped
 * @param length the declared length in characters, 0 when none
 * @param precision the declared precision in decimal digits, 0 when none
 * @param scale the declared scale in decimal digits, 0 when none or not declared
 */
public record ColumnType(String name, int length, int precision, int scale) {

    /** Validates the modifiers. */
    public ColumnType {
        Objects.requireNonNull(name, "name");
        if (length < 0 || precision < 0 || scale < 0) {
            throw new IllegalArgumentException(
                    "type modifiers must be >= 0, were (" + length + ", " + precision + ", " + scale + ")");
        }
    }

    /**
     * A type with no modifiers.
     *
     * @param name the declared type name, never null
     * @return never null
     */
    public static ColumnType of(String name) {
        return new ColumnType(name, 0, 0, 0);
    }

    /** Returns the type as it would be declared, e.g. {@code NUMERIC(10,2)}. */
    @Override
    public String toString() {
        if (precision > 0) {
            return name + "(" + precision + (scale > 0 ? "," + scale : "") + ")";
        }
        return length > 0 ? name + "(" + length + ")" : name;
    }
}
