package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteType;
import io.dbferry.introspect.mapping.SqliteTypeMapping;
import io.dbferry.transfer.transform.RejectReason;
import io.dbferry.transfer.transform.TransformResult;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Reads one PostgreSQL value through pgjdbc and converts it to the value its SQLite column stores, as
 * {@link io.dbferry.introspect.mapping.SqliteType} documents: {@link Long} (INTEGER), {@link Double} (REAL),
 * {@link String} (TEXT) or {@code byte[]} (BLOB). Rules with their reasons:
 * <ul>
 *   <li>{@code boolean}: 1 or 0 (SQLite has no boolean, https://www.sqlite.org/datatype3.html §2.1).
 *   <li>{@code real}: the float widened exactly to a double; {@code double precision} as is. NaN is the TEXT
 *       {@code NaN}, because SQLite stores a NaN REAL as NULL; the infinities are REAL.
 *   <li>{@code numeric(p,s)} with p ≤ 15: an INTEGER when the value is whole, else the REAL whose shortest decimal
 *       form is the value (a double keeps 15 significant digits, datatype3.html §3.0). Otherwise the TEXT
 *       PostgreSQL prints, scale kept ({@code 12.50}); {@code NaN}, {@code Infinity}, {@code -Infinity} as TEXT.
 *   <li>{@code date}, {@code timestamp}, {@code timestamptz}: ISO 8601 TEXT with microseconds, timestamptz in UTC
 *       with {@code Z}. SQLite's time values have four-digit years (lang_datefunc.html §2), so a year outside
 *       1..9999 — BC dates, {@code infinity} — is rejected ({@link RejectReason#OUT_OF_RANGE}).
 *   <li>{@code time}: {@code HH:MM:SS.SSSSSS}; PostgreSQL's {@code 24:00:00} stays {@code 24:00:00}, the one form
 *       of hour 24 SQLite and PostgreSQL both read.
 *   <li>{@code uuid}: lower-case {@code 8-4-4-4-12}.
 *   <li>arrays: the JSON PostgreSQL's {@code to_jsonb()} makes of them (the reader selects that); enums, json and
 *       every other type: PostgreSQL's text output.
 * </ul>
 * Stateless and thread-safe.
 */
final class SqliteValueReader {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private SqliteValueReader() {}

    /**
     * Reads and converts one value.
     *
     * @param rs a result set on its current row, never null
     * @param index the 1-based column
     * @param column the mapped column, never null
     * @return the converted value or a reject, never null; null for SQL NULL
     * @throws SQLException when the driver cannot read the column
     */
    static TransformResult read(ResultSet rs, int index, SqliteColumn column) throws SQLException {
        Object value = switch (column.type().type()) {
            case BOOLEAN -> rs.getBoolean(index) ? 1L : 0L;
            case SMALLINT, INTEGER, BIGINT -> rs.getLong(index);
            case REAL -> real(rs, index, column);
            case NUMERIC -> rs.getString(index);
            case BLOB -> rs.getBytes(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            case UUID -> rs.getObject(index, UUID.class);
            case NUMERIC_TEXT, TEXT, VARCHAR, CHAR, JSON, ARRAY, ENUM, OTHER -> rs.getString(index);
        };
        if (rs.wasNull() || value == null) {
            return null;
        }
        return switch (value) {
            case LocalDate d -> inYears(d.getYear()) ? TransformResult.converted(d.toString()) : outOfRange(d);
            case LocalDateTime t -> inYears(t.getYear()) ? TransformResult.converted(TIMESTAMP.format(t))
                    : outOfRange(t);
            case OffsetDateTime t -> timestamptz(t);
            case LocalTime t -> TransformResult.converted(t.equals(LocalTime.MAX) ? "24:00:00" : TIME.format(t));
            case UUID u -> TransformResult.converted(u.toString());
            case String s when column.type().type() == SqliteType.NUMERIC -> numeric(s);
            default -> TransformResult.converted(value);
        };
    }

    private static Object real(ResultSet rs, int index, SqliteColumn column) throws SQLException {
        // pgjdbc reads a real as text ("1.1") or binary (a float) depending on the statement; getFloat is exact in
        // both, and widening a float to a double is exact.
        double d = column.source().type().name().equals("real") ? rs.getFloat(index) : rs.getDouble(index);
        return Double.isNaN(d) ? "NaN" : d;
    }

    /** A numeric(p,s) with p ≤ 15 as INTEGER or REAL; NaN and the infinities as TEXT. */
    private static TransformResult numeric(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return TransformResult.converted(text); // NaN, Infinity or -Infinity (PostgreSQL 14+)
        }
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.precision() - whole.scale() <= SqliteTypeMapping.MAX_REAL_PRECISION) {
            return TransformResult.converted(whole.longValueExact());
        }
        double d = value.doubleValue();
        if (new BigDecimal(Double.toString(d)).compareTo(value) == 0) {
            return TransformResult.converted(d);
        }
        return TransformResult.rejected(RejectReason.LOSSY_CONVERSION, text + " has no exact REAL value");
    }

    private static TransformResult timestamptz(OffsetDateTime value) {
        if (!inYears(value.getYear())) {
            // Before converting: pgjdbc's ±infinity (OffsetDateTime.MIN/MAX, offset ±18:00) has no UTC equal in
            // java.time, so withOffsetSameInstant would throw instead of rejecting the value.
            return outOfRange(value);
        }
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        return inYears(utc.getYear()) ? TransformResult.converted(TIMESTAMP.format(utc) + "Z")
                : outOfRange(value);
    }

    private static boolean inYears(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** " (44 BC)" for java.time's year -43: ISO years count a year 0, PostgreSQL's BC years do not. */
    private static String bcYear(Object value) {
        int year = switch (value) {
            case LocalDate d -> d.getYear();
            case LocalDateTime t -> t.getYear();
            case OffsetDateTime t -> t.getYear();
            default -> MIN_YEAR;
        };
        return year < MIN_YEAR ? " (" + (1 - year) + " BC)" : "";
    }

    private static TransformResult outOfRange(Object value) {
        // pgjdbc reads PostgreSQL's infinity and -infinity as the java.time MAX and MIN.
        boolean infinity = value.equals(LocalDate.MAX) || value.equals(LocalDateTime.MAX)
                || value.equals(OffsetDateTime.MAX);
        boolean minusInfinity = value.equals(LocalDate.MIN) || value.equals(LocalDateTime.MIN)
                || value.equals(OffsetDateTime.MIN);
        String shown = infinity ? "infinity" : minusInfinity ? "-infinity" : value.toString() + bcYear(value);
        return TransformResult.rejected(RejectReason.OUT_OF_RANGE, shown + " is outside the years 1 to 9999 that "
                + "SQLite time values hold (https://www.sqlite.org/lang_datefunc.html)");
    }
}
