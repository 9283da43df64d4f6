package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.profile.SourceValue;
import io.dbferry.transfer.profile.StorageClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The primary-key columns of a table whose values sort the same way in SQLite and PostgreSQL, so that a key
 * range selects the same rows on both sides: integers (SQLite INTEGER values in a {@code smallint},
 * {@code integer} or {@code bigint} column), text (TEXT values in a {@code text} or {@code varchar} column,
 * compared byte by byte: SQLite's default BINARY collation, https://www.sqlite.org/datatype3.html §7.1,
 * against PostgreSQL's {@code "C"} collation, PostgreSQL docs §24.2.2.1 — both order UTF-8 text by code point)
 * and UUIDs (TEXT values already in PostgreSQL's lower-case output form, whose order is uuid's byte order).
 *
 * <p>A key value is held as {@link Long} or {@link String}, on both sides.
 *
 * @param table the table, never null
 * @param parts the key columns in key order, never null or empty
 */
record KeyColumns(MappedTable table, List<Part> parts) {

    /** How a key column's values are held, compared and bound. */
    enum Kind { INTEGER, TEXT, UUID }

    /**
     * One key column.
     *
     * @param index the column's 0-based position among the table's mapped columns
     * @param column the column, never null
     * @param kind how its values are held, never null
     */
    record Part(int index, MappedColumn column, Kind kind) {}

    /** Orders key values as both databases do: integers by value, text by code point (= UTF-8 bytes). */
    static final Comparator<List<Object>> ORDER = KeyColumns::compare;

    KeyColumns {
        parts = List.copyOf(parts);
    }

    /**
     * The key columns of a table, when it has a primary key of column types whose order both sides share.
     *
     * @return empty when the table has no primary key or a key column of another type
     */
    static Optional<KeyColumns> of(MappedTable table) {
        if (table.primaryKey() == null) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        for (String name : table.primaryKey().columns()) {
            int index = indexOf(table, name);
            Kind kind = kindOf(table.columns().get(index));
            if (kind == null) {
                return Optional.empty();
            }
            parts.add(new Part(index, table.columns().get(index), kind));
        }
        return Optional.of(new KeyColumns(table, parts));
    }

    /**
     * Whether a source key value sorts in SQLite as its target value sorts in PostgreSQL.
     *
     * @param part the key column, never null
     * @param value the value as SQLite stores it, never null
     * @return false for NULL, another storage class, or a UUID not in lower-case canonical form
     */
    static boolean fits(Part part, SourceValue value) {
        return switch (part.kind()) {
            case INTEGER -> value.storageClass() == StorageClass.INTEGER;
            case TEXT -> value.storageClass() == StorageClass.TEXT && value.value() instanceof String;
            case UUID -> value.storageClass() == StorageClass.TEXT && value.value() instanceof String s
                    && isCanonicalUuid(s);
        };
    }

    private static boolean isCanonicalUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false; // not a UUID at all
        }
    }

    private static int indexOf(MappedTable table, String targetName) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).targetName().equals(targetName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("primary key column " + targetName + " is not a column of "
                + table.target());
    }

    private static Kind kindOf(MappedColumn column) {
        return switch (column.targetType().type()) {
            case SMALLINT, INTEGER, BIGINT -> Kind.INTEGER;
            case TEXT, VARCHAR -> Kind.TEXT;
            case UUID -> Kind.UUID;
            default -> null;
        };
    }

    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i) instanceof Long x ? Long.compare(x, (Long) b.get(i))
                    : compareCodePoints((String) a.get(i), (String) b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Code point order, which is UTF-8 byte order; {@link String#compareTo} is UTF-16 order, which is not. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
