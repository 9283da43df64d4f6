package io.dbferry.introspect.translate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One call of a SQLite date and time function (https://www.sqlite.org/lang_datefunc.html) — {@code date},
 * {@code time}, {@code datetime}, {@code julianday}, {@code unixepoch}, {@code strftime} — or one of the
 * {@code CURRENT_DATE}, {@code CURRENT_TIME}, {@code CURRENT_TIMESTAMP} key words (lang_createtable.html §3.2: "the
 * current UTC date and/or time"), translated to PostgreSQL date/time functions (docs §9.9).
 *
 * <p>Every function first computes a point in time, here {@link #timestamp()}: a PostgreSQL {@code timestamp}
 * holding UTC wall-clock time, because SQLite's {@code 'now'} is UTC (lang_datefunc.html §2) and dbferry loads
 * SQLite's text timestamps into {@code timestamp} columns as they are. Then the function's own result is made from
 * it: a date, a time, a number, or text by a {@code to_char} template. What is translated:
 * <ul>
 *   <li>time values: {@code 'now'} ({@code timezone('UTC', now())}), a literal or column ({@code cast(… as
 *       timestamp)}), a number with the {@code 'unixepoch'} modifier ({@code to_timestamp});</li>
 *   <li>modifiers: {@code ±N days|hours|minutes|seconds|months|years} ({@code + interval}), {@code 'start of
 *       day|month|year'} ({@code date_trunc}), {@code 'localtime'} right after {@code 'now'}
 *       ({@code localtimestamp});</li>
 *   <li>strftime substitutions with a to_char equal ({@link StrftimeFormat}), and {@code '%s'} alone (epoch
 *       seconds, {@code extract(epoch from …)::bigint}).</li>
 * </ul>
 * Anything else (other modifiers, {@code timediff}, a Julian day number as a time value) is untranslatable.
 *
 * @param result what the function returns, never null
 * @param timestamp the point in time as a UTC {@code timestamp} expression, never null
 * @param plainNow whether the time value is {@code 'now'} without modifiers (then {@code now()} itself can be used)
 * @param toCharTemplate the to_char template of a {@code strftime} with {@link Result#TEXT}, otherwise null
 */
record SqliteTimeFunction(Result result, Field<?> timestamp, boolean plainNow, String toCharTemplate) {

    /** What a date and time function returns. */
    enum Result {
        /** {@code datetime}, {@code CURRENT_TIMESTAMP}: date and time. */
        DATETIME,
        /** {@code date}, {@code CURRENT_DATE}. */
        DATE,
        /** {@code time}, {@code CURRENT_TIME}. */
        TIME,
        /** {@code unixepoch}, {@code strftime('%s', …)}: whole seconds since 1970-01-01 00:00:00 UTC. */
        EPOCH,
        /** {@code julianday}: fractional days since noon in Greenwich on November 24, 4714 B.C. */
        JULIAN_DAY,
        /** {@code strftime} with any other format: text. */
        TEXT
    }

    private static final Field<?> NOW_UTC = DSL.field("timezone('UTC', now())", SQLDataType.LOCALDATETIME);
    private static final Field<?> NOW_LOCAL = DSL.field("localtimestamp", SQLDataType.LOCALDATETIME);
    private static final Pattern SHIFT = Pattern.compile(
            "\\s*([+-]?\\d+(?:\\.\\d+)?)\\s+(day|hour|minute|second|month|year)s?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern START_OF = Pattern.compile("\\s*start\\s+of\\s+(day|month|year)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Days from the Julian day epoch to 1970-01-01 00:00 UTC (lang_datefunc.html §1). */
    private static final BigDecimal UNIX_EPOCH_JULIAN_DAY = new BigDecimal("2440587.5");

    /**
     * One of the {@code CURRENT_*} key words: the same as the function with {@code 'now'}.
     *
     * @param result {@link Result#DATETIME}, {@link Result#DATE} or {@link Result#TIME}
     * @return never null
     */
    static SqliteTimeFunction current(Result result) {
        return new SqliteTimeFunction(result, NOW_UTC, true, null);
    }

    /**
     * A function call.
     *
     * @param name the SQLite function name in lower case, e.g. {@code datetime}
     * @param arguments its arguments as parsed, never null
     * @return never null
     * @throws NotTranslatable when the call uses something listed as untranslatable above
     */
    static SqliteTimeFunction call(String name, List<? extends Field<?>> arguments) {
        if (name.equals("strftime")) {
            if (arguments.size() < 2) {
                throw new NotTranslatable("strftime() needs a format and a time value");
            }
            return strftime(literal(arguments.get(0), "strftime()'s format"), arguments.subList(1, arguments.size()));
        }
        Result result = switch (name) {
            case "datetime" -> Result.DATETIME;
            case "date" -> Result.DATE;
            case "time" -> Result.TIME;
            case "unixepoch" -> Result.EPOCH;
            case "julianday" -> Result.JULIAN_DAY;
            default -> throw new NotTranslatable(name + "() has no PostgreSQL translation");
        };
        // With no arguments the time value is 'now' (lang_datefunc.html §2).
        return arguments.isEmpty() ? current(result) : pointInTime(result, arguments, null);
    }

    private static SqliteTimeFunction strftime(String format, List<? extends Field<?>> timeValue) {
        if (format.equals("%s")) {
            return pointInTime(Result.EPOCH, timeValue, null);
        }
        String template = StrftimeFormat.toCharTemplate(format);
        if (template == null) {
            throw new NotTranslatable("strftime() format '" + format + "' uses "
                    + StrftimeFormat.firstUnsupported(format) + ", which PostgreSQL's to_char() has no equal for");
        }
        return pointInTime(Result.TEXT, timeValue, template);
    }

    private static SqliteTimeFunction pointInTime(Result result, List<? extends Field<?>> arguments, String template) {
        Field<?> value = arguments.get(0);
        List<? extends Field<?>> modifiers = arguments.subList(1, arguments.size());
        boolean now = value instanceof Param<?> p && "now".equalsIgnoreCase(String.valueOf(p.getValue()));
        int first = 0;
        Field<?> timestamp;
        if (now && !modifiers.isEmpty() && isModifier(modifiers.get(0), "localtime")) {
            timestamp = NOW_LOCAL;
            first = 1;
        } else if (now) {
            timestamp = NOW_UTC;
        } else if (!modifiers.isEmpty() && isModifier(modifiers.get(0), "unixepoch")) {
            timestamp = DSL.field("timezone('UTC', to_timestamp({0}))", SQLDataType.LOCALDATETIME, value);
            first = 1;
        } else if (value instanceof Param<?> p && p.getValue() instanceof Number) {
            throw new NotTranslatable("a number as a time value is a Julian day number in SQLite; PostgreSQL has no "
                    + "function taking one");
        } else {
            timestamp = cast(value, "timestamp", SQLDataType.LOCALDATETIME);
        }
        for (Field<?> modifier : modifiers.subList(first, modifiers.size())) {
            timestamp = modify(timestamp, literal(modifier, "a date and time modifier"));
        }
        return new SqliteTimeFunction(result, timestamp, now && modifiers.isEmpty(), template);
    }

    private static Field<?> modify(Field<?> timestamp, String modifier) {
        Matcher shift = SHIFT.matcher(modifier);
        if (shift.matches()) {
            String interval = shift.group(1) + " " + shift.group(2).toLowerCase(Locale.ROOT) + "s";
            return DSL.field("({0} + interval {1})", SQLDataType.LOCALDATETIME, timestamp, DSL.inline(interval));
        }
        Matcher startOf = START_OF.matcher(modifier);
        if (startOf.matches()) {
            return DSL.field("date_trunc({0}, {1})", SQLDataType.LOCALDATETIME,
                    DSL.inline(startOf.group(1).toLowerCase(Locale.ROOT)), timestamp);
        }
        throw new NotTranslatable("the date and time modifier '" + modifier + "' has no PostgreSQL translation");
    }

    private static boolean isModifier(Field<?> field, String modifier) {
        return field instanceof Param<?> p && p.getValue() instanceof String s && s.trim().equalsIgnoreCase(modifier);
    }

    private static String literal(Field<?> field, String what) {
        if (field instanceof Param<?> p && p.getValue() instanceof String s) {
            return s;
        }
        throw new NotTranslatable(what + " must be a string literal to be translated, was " + field);
    }

    /**
     * The function's value where SQLite would return it into an expression: a PostgreSQL date/time value rather
     * than SQLite's text, so it compares with the {@code timestamp}, {@code date} and {@code time} columns dbferry
     * creates for SQLite's date and time columns.
     *
     * @return never null
     */
    Field<?> value() {
        return switch (result) {
            case DATETIME -> timestamp;
            case DATE -> cast(timestamp, "date", SQLDataType.LOCALDATE);
            case TIME -> cast(timestamp, "time", SQLDataType.LOCALTIME);
            case EPOCH -> cast(DSL.field("extract(epoch from {0})", SQLDataType.NUMERIC, plainNow
                    ? DSL.field("now()", SQLDataType.TIMESTAMPWITHTIMEZONE) : timestamp), "bigint", SQLDataType.BIGINT);
            case JULIAN_DAY -> DSL.field("(extract(epoch from {0}) / 86400.0 + {1})", SQLDataType.NUMERIC,
                    timestamp, DSL.inline(UNIX_EPOCH_JULIAN_DAY));
            case TEXT -> text();
        };
    }

    /**
     * The function's value as the text SQLite returns, e.g. {@code 2024-05-01 12:00:00} for {@code datetime}.
     *
     * @return never null
     */
    Field<?> text() {
        return switch (result) {
            case DATETIME -> toChar("YYYY-MM-DD HH24:MI:SS");
            case DATE -> toChar("YYYY-MM-DD");
            case TIME -> toChar("HH24:MI:SS");
            case TEXT -> toChar(toCharTemplate);
            case EPOCH, JULIAN_DAY -> cast(value(), "text", SQLDataType.VARCHAR);
        };
    }

    /**
     * A cast written as a template rather than jOOQ's cast, which the translation would take for a SQLite
     * {@code CAST} and map again.
     */
    private static <T> Field<T> cast(Field<?> value, String type, DataType<T> dataType) {
        return DSL.field("cast({0} as " + type + ")", dataType, value);
    }

    private Field<?> toChar(String template) {
        return DSL.field("to_char({0}, {1})", SQLDataType.VARCHAR, timestamp, DSL.inline(template));
    }

    /**
     * The function's value as the default of a column of the given kind, as SQLite would store it there: text in
     * a text column, the point in time in a {@code timestamp} or {@code timestamptz} column ({@code now()} for plain
     * {@code 'now'}), its date or time part in a {@code date} or {@code time} column, epoch seconds or a Julian day
     * in a number column.
     *
     * @param kind the target column's kind, never null
     * @return never null
     * @throws NotTranslatable when SQLite would store a value the column's type cannot hold (e.g. datetime text
     *     in a bigint column)
     */
    Field<?> forColumn(ValueKind kind) {
        return switch (kind) {
            case TEXT -> text();
            case TIMESTAMP -> result == Result.TIME ? unfit(kind) : timestamp;
            case TIMESTAMPTZ -> result == Result.TIME ? unfit(kind) : plainNow
                    ? DSL.field("now()", SQLDataType.TIMESTAMPWITHTIMEZONE)
                    : DSL.field("timezone('UTC', {0})", SQLDataType.TIMESTAMPWITHTIMEZONE, timestamp);
            case DATE -> result == Result.TIME ? unfit(kind) : cast(timestamp, "date", SQLDataType.LOCALDATE);
            case TIME -> result == Result.DATETIME || result == Result.TIME || result == Result.TEXT
                    ? cast(timestamp, "time", SQLDataType.LOCALTIME) : unfit(kind);
            case INTEGER -> result == Result.EPOCH ? value() : unfit(kind);
            case NUMBER -> result == Result.EPOCH || result == Result.JULIAN_DAY ? value() : unfit(kind);
            case BOOLEAN, BYTES, OTHER -> unfit(kind);
        };
    }

    private Field<?> unfit(ValueKind kind) {
        throw new NotTranslatable("SQLite would store a " + result.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " value in this column, which its " + kind.name().toLowerCase(Locale.ROOT)
                + " type cannot hold");
    }
}
