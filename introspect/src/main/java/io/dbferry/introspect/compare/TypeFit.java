package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.util.List;
import java.util.Optional;

/**
 * How well an existing target column's type holds the values of the type dbferry would map the source column
 * to. The ranges come from PostgreSQL docs §8.1 (numeric types), §8.3 (character types) and §8.5 (date/time
 * types). Stateless. Used by {@link SchemaComparator} to report a difference and by the sync planner to decide
 * whether an {@code ALTER COLUMN … TYPE} widens the column or may lose values.
 */
public enum TypeFit {
    /** The types are the same. */
    SAME,
    /** The target type holds every value of the mapped type. */
    WIDENED,
    /** The target type holds only some values of the mapped type; the data decides. */
    LOSSY,
    /** No value of the mapped type loads into the target type. */
    INCOMPATIBLE;

    private static final List<PostgresType> INTEGERS = List.of(PostgresType.SMALLINT, PostgresType.INTEGER,
            PostgresType.BIGINT);
    private static final List<PostgresType> POINTS_IN_TIME = List.of(PostgresType.DATE, PostgresType.TIMESTAMP,
            PostgresType.TIMESTAMPTZ);
    /** Decimal digits of the largest bigint, 9223372036854775807. */
    private static final int BIGINT_DIGITS = 19;
    /** Decimal digits a double always holds exactly (DBL_DIG). */
    private static final int DOUBLE_DIGITS = 15;

    /**
     * Classifies a target column's type against the mapped type.
     *
     * @param mapped what dbferry would create, never null
     * @param actual the existing column's type, empty when dbferry does not write that type (then
     *     {@link #LOSSY}: PostgreSQL parses the text dbferry sends, value by value)
     * @return never null
     */
    public static TypeFit of(TargetType mapped, Optional<TargetType> actual) {
        if (actual.isEmpty()) {
            return LOSSY;
        }
        TargetType target = actual.get();
        if (target.equals(mapped)) {
            return SAME;
        }
        if (target.type() == PostgresType.TEXT) {
            // Bytes arrive as their \x… hex text (§8.4.1): readable, but no longer bytes.
            return mapped.type() == PostgresType.BYTEA ? LOSSY : WIDENED;
        }
        if (isText(mapped.type())) {
            return isText(target.type()) ? textFit(mapped, target) : LOSSY;
        }
        if (isNumber(mapped.type()) && isNumber(target.type())) {
            return numberFit(mapped, target);
        }
        if (isText(target.type())) {
            // The value's text form loads if it fits the length (and char(n) pads it).
            return LOSSY;
        }
        return temporalFit(mapped.type(), target.type());
    }

    private static TypeFit numberFit(TargetType mapped, TargetType target) {
        if (mapped.type() == PostgresType.DOUBLE_PRECISION) {
            // Only unconstrained numeric holds every finite double exactly (§8.1.2).
            return target.type() == PostgresType.NUMERIC && target.precision() == 0 ? WIDENED : LOSSY;
        }
        if (target.type() == PostgresType.DOUBLE_PRECISION) {
            // A double holds integers of up to 15 digits exactly, and no decimal fraction (§8.1.3).
            return digits(mapped) <= DOUBLE_DIGITS && scale(mapped) == 0 ? WIDENED : LOSSY;
        }
        return wholeDigits(target) >= digits(mapped) && scale(target) >= scale(mapped) ? WIDENED : LOSSY;
    }

    private static TypeFit textFit(TargetType mapped, TargetType target) {
        // char(n) pads with blanks (§8.3), so text moved into it changes even when it fits.
        if (target.type() == PostgresType.CHAR && mapped.type() != PostgresType.CHAR) {
            return LOSSY;
        }
        return maxLength(target) >= maxLength(mapped) ? WIDENED : LOSSY;
    }

    /** The longest text the type holds, in characters: text, and varchar without a length, take any (§8.3). */
    private static int maxLength(TargetType type) {
        return type.length() == 0 ? Integer.MAX_VALUE : type.length();
    }

    private static TypeFit temporalFit(PostgresType mapped, PostgresType target) {
        if (mapped == PostgresType.DATE && target == PostgresType.TIMESTAMP) {
            return WIDENED;
        }
        if (POINTS_IN_TIME.contains(mapped) && POINTS_IN_TIME.contains(target)) {
            // A time of day is dropped, or a time zone assumed (UTC) or dropped (§8.5.1.3).
            return LOSSY;
        }
        if (mapped == PostgresType.BOOLEAN && INTEGERS.contains(target)) {
            return INCOMPATIBLE;
        }
        if (INTEGERS.contains(mapped) && target == PostgresType.BOOLEAN) {
            // PostgreSQL's boolean input accepts 0 and 1 (§8.6), so 0/1 integers load; others fail.
            return LOSSY;
        }
        return INCOMPATIBLE;
    }

    private static boolean isText(PostgresType type) {
        return type == PostgresType.TEXT || type == PostgresType.VARCHAR || type == PostgresType.CHAR;
    }

    private static boolean isNumber(PostgresType type) {
        return INTEGERS.contains(type) || type == PostgresType.NUMERIC || type == PostgresType.DOUBLE_PRECISION;
    }

    /** Integer digits of the type's largest value; {@code Integer.MAX_VALUE} for unconstrained numeric. */
    private static int digits(TargetType type) {
        return switch (type.type()) {
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> BIGINT_DIGITS;
            case NUMERIC -> type.precision() == 0 ? Integer.MAX_VALUE : type.precision() - type.scale();
            default -> DOUBLE_DIGITS;
        };
    }

    /**
     * Integer digits of which the type holds every number: one fewer than {@link #digits} for the integer types,
     * as integer holds 999999999 but not every 10-digit number (§8.1.1).
     */
    private static int wholeDigits(TargetType type) {
        return INTEGERS.contains(type.type()) ? digits(type) - 1 : digits(type);
    }

    /** Fractional digits an integer or numeric type holds exactly. */
    private static int scale(TargetType type) {
        if (type.type() == PostgresType.NUMERIC) {
            return type.precision() == 0 ? Integer.MAX_VALUE : type.scale();
        }
        return 0;
    }
}
