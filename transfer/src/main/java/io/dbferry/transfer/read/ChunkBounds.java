package io.dbferry.transfer.read;

import java.util.List;
import java.util.Objects;

/**
 * Which rows of a table a {@link Chunk} holds. The chunks {@link ChunkPlanner} makes for one table have
 * bounds that put every row in exactly one chunk.
 */
public sealed interface ChunkBounds {

    /**
     * The bounds in words, for messages and logs: {@code rowid 70001..80000}, {@code key (a, b) > (1, 'x')
     * and ≤ (5, 'y')}, {@code whole table}.
     *
     * @return never null
     */
    String describe();

    /** Every row of the table: small tables, and tables without a key to split by. */
    record WholeTable() implements ChunkBounds {
        @Override
        public String describe() {
            return "whole table";
        }
    }

    /**
     * Rows whose rowid is in {@code [first, last]}, both inclusive. The first chunk of a table starts at
     * {@link Long#MIN_VALUE} and the last ends at {@link Long#MAX_VALUE}, so no rowid is left out.
     *
     * @param rowid the name the rowid is read by: {@code rowid}, {@code _rowid_} or {@code oid}
     *     (https://www.sqlite.org/lang_createtable.html#rowid), whichever no column shadows; never null
     * @param first the smallest rowid, inclusive
     * @param last the largest rowid, inclusive, ≥ first
     */
    record RowidRange(String rowid, long first, long last) implements ChunkBounds {
        /** Validates the range. */
        public RowidRange {
            Objects.requireNonNull(rowid, "rowid");
            if (last < first) {
                throw new IllegalArgumentException("empty rowid range " + first + ".." + last);
            }
        }

        @Override
        public String describe() {
            return rowid + " " + (first == Long.MIN_VALUE ? "…" : Long.toString(first)) + ".."
                    + (last == Long.MAX_VALUE ? "…" : Long.toString(last));
        }
    }

    /**
     * Rows whose primary key, compared as a row value in the key's column order and collation
     * (https://www.sqlite.org/rowvalue.html), is greater than {@code after} and at most {@code through}.
     *
     * @param columns the primary key's source column names in key order, never null or empty
     * @param after the exclusive lower bound, one SQLite value ({@link Long}, {@link Double}, {@link String}
     *     or {@code byte[]}) per column; empty for none (the first chunk); never null
     * @param through the inclusive upper bound, as {@code after}; empty for none (the last chunk)
     */
    record KeyRange(List<String> columns, List<Object> after, List<Object> through) implements ChunkBounds {
        /** Copies the lists and checks their widths. */
        public KeyRange {
            columns = List.copyOf(columns);
            after = List.copyOf(after);
            through = List.copyOf(through);
            if (columns.isEmpty() || !after.isEmpty() && after.size() != columns.size()
                    || !through.isEmpty() && through.size() != columns.size()) {
                throw new IllegalArgumentException("key bounds must have one value per key column " + columns);
            }
        }

        @Override
        public String describe() {
            String key = columns.size() == 1 ? columns.getFirst() : "(" + String.join(", ", columns) + ")";
            String lower = after.isEmpty() ? "" : key + " > " + values(after);
            String upper = through.isEmpty() ? "" : key + " ≤ " + values(through);
            return lower.isEmpty() && upper.isEmpty() ? "whole table"
                    : "key " + (lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper);
        }

        private static String values(List<Object> values) {
            List<String> shown = values.stream().map(ChunkBounds::show).toList();
            return shown.size() == 1 ? shown.getFirst() : "(" + String.join(", ", shown) + ")";
        }
    }

    private static String show(Object value) {
        return switch (value) {
            case String s -> "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s).replace("'", "''") + "'";
            case byte[] b -> "x'" + java.util.HexFormat.of().formatHex(b, 0, Math.min(b.length, 20))
                    + (b.length > 20 ? "…" : "") + "'";
            default -> String.valueOf(value);
        };
    }
}
