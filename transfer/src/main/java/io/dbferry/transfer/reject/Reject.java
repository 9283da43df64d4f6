package io.dbferry.transfer.reject;

import io.dbferry.transfer.transform.RejectReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rejected row: which row, which value, and why.
 *
 * @param table the source table's name, never null
 * @param primaryKey the row's primary-key values by column name, in key order (the whole row when the table
 *     has no primary key); values are {@link Long}, {@link Double}, {@link String} or {@code byte[]}, or null;
 *     never null
 * @param column the source column of the rejected value, null when not known (a row PostgreSQL refused without
 *     naming a column)
 * @param value the raw source value, null for NULL or when the column is not known
 * @param reason the stable reason code, never null
 * @param message what is wrong, one sentence, never null
 */
public record Reject(String table, Map<String, Object> primaryKey, String column, Object value, RejectReason reason,
        String message) {

    /** Copies the key, keeping its order and any null values. */
    public Reject {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        primaryKey = Collections.unmodifiableMap(new LinkedHashMap<>(primaryKey));
    }
}
