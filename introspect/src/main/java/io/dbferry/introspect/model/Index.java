package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the implementation of a primary key or UNIQUE constraint: plain, unique, partial (with a
 * {@code WHERE} predicate), on expressions, or with a collation other than the default.
 *
 * @param name the index name, never null
 * @param parts the keys in order, never null or empty
 * @param unique whether the index is UNIQUE
 * @param whereSql the predicate of a partial index in the SQL of the database it belongs to, without the
 *     {@code WHERE} keyword; null for an index over every row
 */
public record Index(String name, List<IndexPart> parts, boolean unique, String whereSql) {

    /** Copies the key list and checks it is not empty. */
    public Index {
        Objects.requireNonNull(name, "name");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has no columns");
        }
    }

    /**
     * A plain index over every row: ascending column keys with the default collation.
     *
     * @param name the index name, never null
     * @param columns the indexed column names in order, never null or empty
     * @param unique whether the index is UNIQUE
     */
    public Index(String name, List<String> columns, boolean unique) {
        this(name, Objects.requireNonNull(columns, "columns").stream().map(IndexPart::column).toList(), unique, null);
    }

    /**
     * The names of the keys that are columns, in key order; an expression key has no name and is left out, so
     * this is the whole key only when {@link #isPlain()}.
     *
     * @return never null, empty when every key is an expression
     */
    public List<String> columns() {
        return parts.stream().filter(p -> p.column() != null).map(IndexPart::column).toList();
    }

    /**
     * Whether the index is over every row and each key a column with the default collation, so that its
     * {@link #columns()} say everything about which rows it keeps unique.
     *
     * @return false for a partial index, an expression key, or a key with a collation such as NOCASE
     */
    public boolean isPlain() {
        return whereSql == null && parts.stream().allMatch(IndexPart::isPlainColumn);
    }
}
