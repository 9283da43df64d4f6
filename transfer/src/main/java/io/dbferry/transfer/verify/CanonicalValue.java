package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical text of a value in a target column: equal texts mean equal values in PostgreSQL, whichever
 * side the value came from. The source side passes the value its column's transform produced (the value
 * {@code migrate} writes); the target side passes what it read through JDBC. Rules by target type:
 *
 * <ul>
 *   <li>{@code smallint}, {@code integer}, {@code bigint}: decimal digits.
 *   <li>{@code double precision}: Java's shortest round-trip form ({@link Double#toString(double)}), every NaN
 *       as {@code NaN}. {@code -0.0} stays distinct from {@code 0.0}: float8 keeps the sign of zero (it
 *       prints {@code -0}), so a target holding {@code 0} where the source had {@code -0.0} differs.
 *   <li>{@code numeric(p,s)}: rounded to {@code s} digits half away from zero, as PostgreSQL rounds on
 *       input (PostgreSQL docs §8.1.2), then compared by value: trailing fraction zeros are dropped
 *       ({@code 12.50} = {@code 12.5}, as numeric's {@code =} says) and numeric has no negative zero.
 *   <li>{@code text}: as is. {@code varchar(n)}: cut to n characters, as PostgreSQL silently cuts excess
 *       spaces; {@code char(n)}: trailing spaces dropped, which are "semantically insignificant" in
 *       {@code character(n)} (§8.3).
 *   <li>{@code bytea}: lower-case hex.
 *   <li>{@code boolean}: {@code t} or {@code f}.
 *   <li>{@code date}: ISO 8601 ({@code 2024-02-29}; proleptic years, so 1 BC is year 0).
 *   <li>{@code timestamp}: ISO 8601 to the microsecond, PostgreSQL's resolution (§8.5):
 *       {@code 2024-01-02T03:04:05.123456}. {@code timestamptz}: the same in UTC, ending in {@code Z}.
 *   <li>{@code time}: {@code 03:04:05.123456}.
 *   <li>{@code jsonb}: the text jsonb prints, see {@link CanonicalJson} (key order, whitespace and duplicate
 *       keys do not matter; a number's scale does).
 *   <li>{@code uuid}: lower-case {@code 8-4-4-4-12} hex.
 * </ul>
 *
 * <p>NULL has no canonical text (it is null) and so differs from every value. A source value its transform
 * rejects cannot be in the target; {@link #rejected(String)} gives it a text no target value has. Stateless
 * and thread-safe.
 */
public final class CanonicalValue {

    /** Starts the text of a rejected source value; no canonical target value contains U+0000. */
    static final String REJECTED_PREFIX = "\u0000";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private CanonicalValue() {}

    /**
     * The canonical text of a value.
     *
     * @param type the target column's type, never null
     * @param value a value of the Java type {@link io.dbferry.transfer.transform.ValueTransform} documents for
     *     the type, or a {@link String} for a {@code numeric} the target holds as {@code NaN} or an infinity;
     *     never null
     * @return never null
     * @throws ClassCastException when the value's Java type does not fit the target type
     * @throws IllegalArgumentException when a {@code jsonb} value is not JSON
     */
    public static String of(TargetType type, Object value) {
        Objects.requireNonNull(value, "value");
        return switch (type.type()) {
            case SMALLINT, INTEGER, BIGINT -> Long.toString(((Number) value).longValue());
            case DOUBLE_PRECISION -> doubleText((Double) value);
            case NUMERIC -> value instanceof BigDecimal b ? numeric(type, b) : (String) value;
            case TEXT -> (String) value;
            case VARCHAR -> type.length() == 0 ? (String) value : TargetForm.cut((String) value, type.length());
            case CHAR -> stripTrailingSpaces((String) value);
            case BYTEA -> HexFormat.of().formatHex((byte[]) value);
            case BOOLEAN -> (Boolean) value ? "t" : "f";
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> timestampText((LocalDateTime) value, "");
            case TIMESTAMPTZ -> timestampText(((OffsetDateTime) value).atZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime(), "Z");
            case TIME -> TIME.format((LocalTime) value);
            case JSONB -> CanonicalJson.of((String) value);
            case UUID -> ((UUID) value).toString();
        };
    }

    /**
     * The canonical text of a value read from the target: as {@link #of}, except that {@code jsonb} text as
     * PostgreSQL prints it is canonical already ({@link CanonicalJson} writes the source's JSON that way), so
     * it is taken as read instead of parsed again.
     *
     * @param type the target column's type, never null
     * @param value the value as {@link PostgresValues} reads it, never null
     * @return never null
     */
    static String ofTarget(TargetType type, Object value) {
        return type.type() == PostgresType.JSONB ? (String) value : of(type, value);
    }

    /**
     * The text of a source value its column's transform rejected: equal to no canonical text.
     *
     * @param reason why the value was rejected, never null
     * @return never null
     */
    public static String rejected(String reason) {
        return REJECTED_PREFIX + reason;
    }

    /**
     * Whether a canonical text stands for a rejected source value.
     *
     * @param text a canonical text, null for NULL
     * @return true for the result of {@link #rejected(String)}
     */
    public static boolean isRejected(String text) {
        return text != null && text.startsWith(REJECTED_PREFIX);
    }

    /**
     * {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS} and a suffix, written digit by digit for years 0–9999 (the
     * formatter took a tenth of the verification's time in the profile of issue 7), by the formatter otherwise.
     */
    private static String timestampText(LocalDateTime t, String suffix) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIMESTAMP.format(t) + suffix;
        }
        byte[] text = new byte[26 + suffix.length()];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, t.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, t.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, t.getHour(), 2);
        text[13] = ':';
        digits(text, 14, t.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, t.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, t.getNano() / 1_000, 6);
        for (int i = 0; i < suffix.length(); i++) {
            text[26 + i] = (byte) suffix.charAt(i);
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} ≥ 0 as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String doubleText(double d) {
        return Double.isNaN(d) ? "NaN" : Double.toString(d);
    }

    private static String numeric(TargetType type, BigDecimal value) {
        BigDecimal rounded = type.precision() > 0 && value.scale() > type.scale()
                ? value.setScale(type.scale(), RoundingMode.HALF_UP) : value;
        return numberText(rounded);
    }

    /**
     * A decimal number compared by value: trailing fraction zeros dropped, zero without a sign, no exponent.
     *
     * @param value never null
     * @return never null, e.g. {@code 12.5}, {@code 100}, {@code 0}
     */
    static String numberText(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
