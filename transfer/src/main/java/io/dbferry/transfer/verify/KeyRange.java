package io.dbferry.transfer.verify;

import java.util.List;

/**
 * A range of primary-key values: a chunk, or a part of one after bisection. Keys compare as tuples, column by
 * column, in the order both databases agree on (see {@link KeyColumns}).
 *
 * @param lower the lowest key the range takes (inclusive; the table need not hold it), null for no lower bound
 * @param upper the first key after the range (exclusive), null for no upper bound
 */
record KeyRange(List<Object> lower, List<Object> upper) {

    /** Every key. */
    static final KeyRange ALL = new KeyRange(null, null);

    /** The part of this range below a key. */
    KeyRange below(List<Object> key) {
        return new KeyRange(lower, key);
    }

    /** The part of this range from a key on. */
    KeyRange from(List<Object> key) {
        return new KeyRange(key, upper);
    }

    /** The range for messages, e.g. {@code [(1)..(10001))}. */
    @Override
    public String toString() {
        return "[" + (lower == null ? "start" : "(" + join(lower) + ")") + ".."
                + (upper == null ? "end]" : "(" + join(upper) + "))");
    }

    private static String join(List<Object> key) {
        return String.join(", ", key.stream().map(String::valueOf).toList());
    }
}
