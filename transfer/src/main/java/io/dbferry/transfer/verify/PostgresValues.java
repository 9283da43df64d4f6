package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.TargetType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads a target value through pgjdbc as the Java type {@link CanonicalValue#of} takes for its column type —
 * the same type the column's transform produces on the source side.
 */
final class PostgresValues {

    private PostgresValues() {}

    /**
     * Reads one value.
     *
     * @param rs a result set on its current row, never null
     * @param index the 1-based column
     * @param type the column's type as the mapping says, never null
     * @return the value, null for NULL
     * @throws SQLException when the driver cannot read the column as that type
     */
    static Object read(ResultSet rs, int index, TargetType type) throws SQLException {
        Object value = switch (type.type()) {
            case SMALLINT, INTEGER, BIGINT -> rs.getLong(index);
            case DOUBLE_PRECISION -> rs.getDouble(index);
            case NUMERIC -> numeric(rs.getString(index));
            case TEXT, VARCHAR, CHAR, JSONB -> rs.getString(index);
            case BYTEA -> rs.getBytes(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case UUID -> rs.getObject(index, UUID.class);
        };
        return rs.wasNull() ? null : value;
    }

    /** A number, or numeric's {@code NaN}/{@code Infinity}/{@code -Infinity} (PostgreSQL 14+) as its text. */
    private static Object numeric(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text; // NaN or an infinity, which BigDecimal cannot hold
        }
    }
}
