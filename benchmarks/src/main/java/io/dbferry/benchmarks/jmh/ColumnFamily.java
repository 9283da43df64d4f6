package io.dbferry.benchmarks.jmh;

/**
 * The value families of the transforms, each benchmarked on one column of the dataset's {@code orders} table
 * whose values it converts in a migration.
 */
public enum ColumnFamily {
    /** {@code INTEGER} → {@code bigint}: the foreign key. */
    BIGINT("customer_id"),
    /** {@code BOOLEAN} 0/1 → {@code boolean}. */
    BOOLEAN("is_paid"),
    /** 36-character text → {@code uuid}. */
    UUID("uuid"),
    /** REAL (or INTEGER when whole) → {@code numeric(12,2)}. */
    NUMERIC("amount"),
    /** REAL → {@code double precision}. */
    DOUBLE("weight_kg"),
    /** JSON text → {@code jsonb}, validated. */
    JSONB("attributes"),
    /** ISO 8601 text with milliseconds → {@code timestamp}. */
    TIMESTAMP_ISO("created_at"),
    /** Unix seconds → {@code timestamp}. */
    TIMESTAMP_EPOCH("updated_at"),
    /** Text with some non-ASCII and escapes → {@code text}. */
    TEXT("note"),
    /** 16-byte BLOB → {@code bytea}. */
    BYTEA("checksum");

    private final String column;

    ColumnFamily(String column) {
        this.column = column;
    }

    /**
     * The {@code orders} column benchmarked.
     *
     * @return never null
     */
    public String column() {
        return column;
    }
}
