package io.dbferry.introspect.translate;

/**
 * The family of a target column's type, as far as translation rules care: a SQLite {@code 0} default becomes
 * {@code false} only in a boolean column, {@code datetime('now')} becomes text only in a text column.
 */
public enum ValueKind {
    /** {@code boolean}. */
    BOOLEAN,
    /** {@code smallint}, {@code integer}, {@code bigint}. */
    INTEGER,
    /** {@code numeric}, {@code double precision}. */
    NUMBER,
    /** {@code text}, {@code varchar}, {@code char}. */
    TEXT,
    /** {@code timestamp} (without time zone). */
    TIMESTAMP,
    /** {@code timestamp with time zone}. */
    TIMESTAMPTZ,
    /** {@code date}. */
    DATE,
    /** {@code time} (without time zone). */
    TIME,
    /** {@code bytea}. */
    BYTES,
    /** Anything else ({@code jsonb}, {@code uuid}, or not known). */
    OTHER
}
