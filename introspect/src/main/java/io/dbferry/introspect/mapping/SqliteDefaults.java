package io.dbferry.introspect.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the simple PostgreSQL column defaults — as {@code pg_get_expr} prints them — into SQLite literals
 * (https://www.sqlite.org/lang_createtable.html §3.2 "The DEFAULT clause" allows a literal): numbers, quoted strings
 * with an optional cast ({@code 'new'::character varying}), {@code true}/{@code false} (as 1/0, how the column
 * stores booleans). Function calls ({@code now()}, {@code gen_random_uuid()}), expressions and sequences are not
 * translated: their values would be computed in another form than the column stores. Stateless.
 */
final class SqliteDefaults {

    private static final Pattern NUMBER = Pattern.compile("\\(?(-?\\d+(?:\\.\\d+)?)\\)?(?:::[a-z ]+)?");
    private static final Pattern STRING = Pattern.compile("('(?:[^']|'')*')(?:::[a-z_ \"]+(?:\\(\\d+(?:,\\d+)?\\))?)?");

    private SqliteDefaults() {}

    /**
     * The SQLite literal of a default.
     *
     * @param postgresSql the default as PostgreSQL prints it, never null
     * @param type the SQLite column type, never null
     * @return the literal, or null when the default is not translatable
     */
    static String translate(String postgresSql, SqliteColumnType type) {
        String sql = postgresSql.trim();
        if (type.type() == SqliteType.BOOLEAN) {
            return switch (sql) {
                case "true" -> "1";
                case "false" -> "0";
                default -> null;
            };
        }
        Matcher number = NUMBER.matcher(sql);
        if (number.matches() && isNumeric(type.type())) {
            return number.group(1);
        }
        if (number.matches() && type.type() == SqliteType.NUMERIC_TEXT) {
            return "'" + number.group(1) + "'"; // the column stores the exact decimal text
        }
        Matcher string = STRING.matcher(sql);
        if (string.matches()) {
            return isText(type.type()) ? string.group(1) : numberInString(string.group(1), type.type());
        }
        return null;
    }

    private static String numberInString(String quoted, SqliteType type) {
        String inner = quoted.substring(1, quoted.length() - 1);
        return isNumeric(type) && inner.matches("-?\\d+(\\.\\d+)?") ? inner : null;
    }

    private static boolean isNumeric(SqliteType type) {
        return switch (type) {
            case SMALLINT, INTEGER, BIGINT, REAL, NUMERIC -> true;
            default -> false;
        };
    }

    private static boolean isText(SqliteType type) {
        return switch (type) {
            case TEXT, VARCHAR, CHAR, ENUM, UUID, DATE, NUMERIC_TEXT -> true;
            default -> false;
        };
    }
}
