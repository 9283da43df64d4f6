package io.dbferry.transfer.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row that differs between source and target, found by its primary key. Values are canonical (see
 * {@link CanonicalValue}) and cut to {@value ValueDisplay#MAX_CODE_POINTS} characters.
 */
public sealed interface RowDifference {

    /**
     * The row's primary key.
     *
     * @return target column name → key value, in key order; never null or empty
     */
    Map<String, String> key();

    /**
     * The key as {@code (id=5)} or {@code (a=1, b=x)}, for messages.
     *
     * @return never null
     */
    default String keyText() {
        return "(" + String.join(", ", key().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                + ")";
    }

    /**
     * The source has the row, the target does not.
     *
     * @param key the primary key, never null or empty
     */
    record MissingInTarget(Map<String, String> key) implements RowDifference {
        /** Copies the key, keeping its order. */
        public MissingInTarget {
            key = ordered(key);
        }
    }

    /**
     * The target has a row the source does not.
     *
     * @param key the primary key, never null or empty
     */
    record ExtraInTarget(Map<String, String> key) implements RowDifference {
        /** Copies the key, keeping its order. */
        public ExtraInTarget {
            key = ordered(key);
        }
    }

    /**
     * Both sides have the row, with different values.
     *
     * @param key the primary key, never null or empty
     * @param columns the columns whose values differ, in column order; never null or empty
     */
    record Changed(Map<String, String> key, List<ColumnChange> columns) implements RowDifference {
        /** Copies the key and the columns. */
        public Changed {
            key = ordered(key);
            columns = List.copyOf(columns);
        }
    }

    /**
     * One column of a changed row.
     *
     * @param column the target column name, never null
     * @param sourceValue the value the target should hold, null for NULL
     * @param targetValue the value it holds, null for NULL
     */
    record ColumnChange(String column, String sourceValue, String targetValue) {
        /** Checks the column name is present. */
        public ColumnChange {
            Objects.requireNonNull(column, "column");
        }
    }

    private static Map<String, String> ordered(Map<String, String> key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a row difference needs the row's key");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }
}
