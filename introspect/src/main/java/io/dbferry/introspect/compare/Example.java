package io.dbferry.introspect.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One affected row of a {@link CompatibilityIssue}: its key and the offending value, both as display text.
 *
 * @param key the row's primary-key columns and values in key order (the rowid when the table has no
 *     primary key, {@code {"rowid": "7"}}); never null, possibly empty when the row has no key at all
 * @param value the offending value as SQL-like text ({@code 'abc'}, {@code 42}, {@code x'00ff'},
 *     {@code NULL}), truncated to {@link #MAX_VALUE_CHARS} characters with an ellipsis; never null
 */
public record Example(Map<String, String> key, String value) {

    /** The longest value text kept, in characters; longer text ends in {@code …}. */
    public static final int MAX_VALUE_CHARS = 80;

    /** Copies the key in order and truncates the value. */
    public Example {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(key, "key")));
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_CHARS) {
            int end = MAX_VALUE_CHARS - 1;
            // Keep a surrogate pair whole or not at all: half of one is not text.
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            value = value.substring(0, end) + "…";
        }
    }

    /**
     * The key as {@code TrackId=5} or {@code a=1, b='x'}.
     *
     * @return never null, empty when there is no key
     */
    public String keyText() {
        StringBuilder text = new StringBuilder();
        key.forEach((column, v) -> text.append(text.isEmpty() ? "" : ", ").append(column).append('=').append(v));
        return text.toString();
    }
}
