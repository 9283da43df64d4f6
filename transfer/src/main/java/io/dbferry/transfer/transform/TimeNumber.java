package io.dbferry.transfer.transform;

/**
 * Reads numeric SQLite time values into microseconds since 1970-01-01T00:00 UTC, the way SQLite's
 * {@code auto} modifier does (https://www.sqlite.org/lang_datefunc.html §3 "Modifiers"), extended with
 * epoch milliseconds:
 *
 * <ul>
 *   <li>A value in {@code [0, 5373484.5)} is a Julian day number (days since noon UTC on 4714-11-24 BC,
 *       proleptic Gregorian), rounded to milliseconds as SQLite computes it ({@code iJD} in {@code date.c});
 *       a REAL Julian day has no finer resolution (its ulp is about 40 microseconds today).
 *   <li>Otherwise a value within ±253402300799 (9999-12-31 23:59:59) is Unix time in seconds. A REAL is
 *       rounded to the nearest microsecond, as PostgreSQL's {@code to_timestamp(double precision)} does
 *       (PostgreSQL docs §9.9 "Date/Time Functions and Operators").
 *   <li>Otherwise an INTEGER within ±253402300799999 is Unix time in milliseconds, what Java and
 *       JavaScript applications commonly store. SQLite itself would reject it.
 *   <li>Anything else is {@link #INVALID}; a result before PostgreSQL's earliest timestamp, 4714-11-24
 *       00:00 BC (PostgreSQL docs §8.5, Table 8.9), is {@link #TOO_EARLY}.
 * </ul>
 *
 * <p>Stateless.
 */
final class TimeNumber {

    /** Returned when the number is in none of the ranges. */
    static final long INVALID = TimeText.INVALID;
    /** Returned when the number maps to an instant before PostgreSQL's earliest timestamp. */
    static final long TOO_EARLY = Long.MIN_VALUE + 1;

    private static final double JULIAN_DAY_LIMIT = 5_373_484.5;
    private static final long MAX_UNIX_SECONDS = 253_402_300_799L;
    private static final long MAX_UNIX_MILLIS = 253_402_300_799_999L;
    /** Julian day 2440587.5, the Unix epoch, in milliseconds. */
    private static final long UNIX_EPOCH_JULIAN_MILLIS = 210_866_760_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 4714-11-24 00:00 BC (ISO year -4713) in Unix microseconds. */
    private static final long MIN_POSTGRES_MICROS = -210_866_803_200L * TimeText.MICROS_PER_SECOND;
    /** Larger than any accepted integer, small enough that ten times it plus 9 does not overflow. */
    private static final long TEXT_LIMIT = 100_000_000_000_000_000L;

    private TimeNumber() {}

    /**
     * Reads an INTEGER time value.
     *
     * @param value any integer
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromInteger(long value) {
        if (value >= 0 && value < JULIAN_DAY_LIMIT) {
            return (value * MILLIS_PER_DAY - UNIX_EPOCH_JULIAN_MILLIS) * 1_000;
        }
        if (value >= -MAX_UNIX_SECONDS && value <= MAX_UNIX_SECONDS) {
            return notTooEarly(value * TimeText.MICROS_PER_SECOND);
        }
        if (value >= -MAX_UNIX_MILLIS && value <= MAX_UNIX_MILLIS) {
            return notTooEarly(value * 1_000);
        }
        return INVALID;
    }

    /**
     * Reads a REAL time value.
     *
     * @param value any double, including NaN and infinities (which are {@link #INVALID})
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromReal(double value) {
        if (value >= 0 && value < JULIAN_DAY_LIMIT) {
            long julianMillis = (long) (value * MILLIS_PER_DAY + 0.5);
            return (julianMillis - UNIX_EPOCH_JULIAN_MILLIS) * 1_000;
        }
        if (value >= -MAX_UNIX_SECONDS && value <= MAX_UNIX_SECONDS) {
            return notTooEarly((long) Math.rint(value * TimeText.MICROS_PER_SECOND));
        }
        return INVALID;
    }

    /**
     * Reads TEXT that is a number: with a decimal point as a REAL, otherwise as an INTEGER.
     *
     * @param number an optional sign, digits and at most one decimal point, with at least one digit; never
     *     null
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromText(String number) {
        if (number.indexOf('.') >= 0) {
            return fromReal(Double.parseDouble(number));
        }
        char first = number.charAt(0);
        long value = 0;
        for (int i = first == '-' || first == '+' ? 1 : 0; i < number.length(); i++) {
            value = Math.min(value * 10 + number.charAt(i) - '0', TEXT_LIMIT);
        }
        return fromInteger(first == '-' ? -value : value);
    }

    /**
     * Whether a result is {@link #INVALID} or {@link #TOO_EARLY} rather than microseconds.
     *
     * @param result a result of this class
     * @return true when the number was refused
     */
    static boolean refused(long result) {
        return result == INVALID || result == TOO_EARLY;
    }

    /**
     * Says why a number was refused.
     *
     * @param result {@link #INVALID} or {@link #TOO_EARLY}
     * @return a clause for a reject message, never null
     */
    static String problem(long result) {
        return result == TOO_EARLY
                ? "it is before 4714-11-24 BC, the earliest timestamp PostgreSQL stores"
                : "it is neither a Julian day number in [0, 5373484.5) nor Unix time within ±253402300799"
                        + " seconds (or, for integers, ±253402300799999 milliseconds)";
    }

    private static long notTooEarly(long micros) {
        return micros < MIN_POSTGRES_MICROS ? TOO_EARLY : micros;
    }
}
