package io.dbferry.benchmarks.e2e;

import java.util.List;

/**
 * The floor's side of the benchmark schema: the target tables as dbferry creates them but bare (no key, no
 * index, no identity), the SQLite queries that export their rows as PostgreSQL reads them from CSV, and the
 * keys, indexes and foreign key built after the load. Must follow
 * {@link io.dbferry.benchmarks.dataset.BenchmarkSchema}.
 */
final class FloorSchema {

    /**
     * One table of the floor.
     *
     * @param name the table name, the same in SQLite and PostgreSQL
     * @param createSql the PostgreSQL {@code CREATE TABLE}, without keys
     * @param exportSql the SQLite query for the rows with {@code id BETWEEN ? AND ?}, each column already in
     *     the text form PostgreSQL reads for its type (epoch seconds as ISO text, BLOBs as bytea hex)
     */
    record FloorTable(String name, String createSql, String exportSql) {}

    static final List<FloorTable> TABLES = List.of(new FloorTable("customers", """
            CREATE TABLE customers (id bigint NOT NULL, uuid uuid NOT NULL, name text NOT NULL,
              email text NOT NULL, country text, is_active boolean NOT NULL, created_at timestamp NOT NULL)""", """
            SELECT id, uuid, name, email, country, is_active, created_at
            FROM customers WHERE id BETWEEN ? AND ? ORDER BY id"""), new FloorTable("orders", """
            CREATE TABLE orders (id bigint NOT NULL, uuid uuid NOT NULL, customer_id bigint NOT NULL,
              is_paid boolean NOT NULL, amount numeric(12,2) NOT NULL, weight_kg double precision,
              attributes jsonb NOT NULL, created_at timestamp NOT NULL, updated_at timestamp NOT NULL,
              note text, checksum bytea NOT NULL)""", """
            SELECT id, uuid, customer_id, is_paid, amount, weight_kg, attributes, created_at,
              datetime(updated_at, 'unixepoch'), note, '\\x' || hex(checksum)
            FROM orders WHERE id BETWEEN ? AND ? ORDER BY id"""));

    /** Built one after the other on one connection, as dbferry's walking skeleton does. */
    static final List<String> KEYS = List.of(
            "ALTER TABLE customers ADD PRIMARY KEY (id)",
            "ALTER TABLE orders ADD PRIMARY KEY (id)",
            "CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
            "CREATE INDEX orders_created_at_idx ON orders (created_at)",
            "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)");

    private FloorSchema() {}
}
