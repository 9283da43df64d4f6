package io.dbferry.benchmarks.dataset;

import java.util.List;

/**
 * The shape of the benchmark database: a parent table {@value #CUSTOMERS} with one row in twenty, and a main
 * table {@value #ORDERS} whose columns mirror issue 4's reference database — uuid, boolean, numeric, double,
 * JSON, two timestamp columns (one ISO 8601 text, one Unix seconds), two secondary indexes and one foreign key
 * — plus nullable text and a BLOB.
 */
public final class BenchmarkSchema {

    /** The parent table. */
    public static final String CUSTOMERS = "customers";
    /** The main table, referencing {@value #CUSTOMERS}. */
    public static final String ORDERS = "orders";
    /** The fewest rows a dataset has: one customer and one order. */
    public static final long MIN_ROWS = 2;

    /** The SQLite tables, parent first. Declared types are the ones applications write. */
    static final List<String> SQLITE_TABLES = List.of("""
            CREATE TABLE customers (
              id INTEGER PRIMARY KEY,
              uuid UUID NOT NULL,
              name TEXT NOT NULL,
              email TEXT NOT NULL,
              country TEXT,
              is_active BOOLEAN NOT NULL,
              created_at DATETIME NOT NULL
            )""", """
            CREATE TABLE orders (
              id INTEGER PRIMARY KEY,
              uuid UUID NOT NULL,
              customer_id INTEGER NOT NULL REFERENCES customers (id),
              is_paid BOOLEAN NOT NULL,
              amount NUMERIC(12,2) NOT NULL,
              weight_kg REAL,
              attributes JSON NOT NULL,
              created_at DATETIME NOT NULL,
              updated_at DATETIME NOT NULL,
              note TEXT,
              checksum BLOB NOT NULL
            )""");

    /** The two secondary indexes, created after the rows are in. */
    static final List<String> SQLITE_INDEXES = List.of(
            "CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
            "CREATE INDEX orders_created_at_idx ON orders (created_at)");

    private BenchmarkSchema() {}

    /**
     * The rows of {@value #CUSTOMERS} in a dataset of {@code totalRows} rows: one in twenty, at least one.
     *
     * @param totalRows rows of both tables together, ≥ {@value #MIN_ROWS}
     * @return rows, ≥ 1
     */
    public static long customerRows(long totalRows) {
        checkRows(totalRows);
        return Math.max(1, totalRows / 20);
    }

    /**
     * The rows of {@value #ORDERS} in a dataset of {@code totalRows} rows: all that are not customers.
     *
     * @param totalRows rows of both tables together, ≥ {@value #MIN_ROWS}
     * @return rows, ≥ 1
     */
    public static long orderRows(long totalRows) {
        return totalRows - customerRows(totalRows);
    }

    private static void checkRows(long totalRows) {
        if (totalRows < MIN_ROWS) {
            throw new IllegalArgumentException("--rows must be ≥ " + MIN_ROWS + ", was " + totalRows);
        }
    }
}
