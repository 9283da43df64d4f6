package io.dbferry.introspect;

import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A SQLite schema with one of each object beyond columns and keys: CHECK constraints (BETWEEN, IN, named and
 * unnamed, column- and table-level), defaults ({@code datetime('now')}, {@code 0} on a BOOLEAN, {@code 'abc'}, a
 * double-quoted string), a NOCASE column, partial, expression and NOCASE indexes, a view over a join and a view over
 * that view. Shared by the reader, mapping, DDL and planner tests.
 */
public final class SchemaObjectsFixture {

    /** The statements that create it, in order. */
    public static final String[] STATEMENTS = {
        "CREATE TABLE customer (id INTEGER PRIMARY KEY, "
                + "email TEXT NOT NULL COLLATE NOCASE UNIQUE, "
                + "name TEXT NOT NULL CHECK (length(name) > 0), "
                + "active BOOLEAN NOT NULL DEFAULT 0, "
                + "created TEXT NOT NULL DEFAULT (datetime('now')), "
                + "tier TEXT DEFAULT 'abc' CONSTRAINT tier_known CHECK (tier IN ('abc', 'gold')))",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer (id), "
                + "quantity INTEGER NOT NULL, price NUMERIC(10, 2) NOT NULL, status TEXT NOT NULL DEFAULT \"new\", "
                + "CHECK (quantity BETWEEN 1 AND 100), "
                + "CONSTRAINT \"price positive\" CHECK (price >= 0))",
        "CREATE INDEX orders_open ON orders (customer_id) WHERE status <> 'done'",
        "CREATE INDEX customer_name_lower ON customer (lower(name), id DESC)",
        "CREATE INDEX customer_tier ON customer (tier COLLATE NOCASE)",
        "CREATE VIEW customer_orders AS SELECT c.name, o.quantity, o.price FROM customer c "
                + "JOIN orders AS o ON o.customer_id = c.id",
        "CREATE VIEW big_orders (customer, total) AS SELECT name, quantity * price FROM customer_orders "
                + "WHERE quantity >= 10"
    };

    private SchemaObjectsFixture() {}

    /**
     * Reads the fixture from a fresh in-memory database.
     *
     * @return never null
     * @throws SQLException when SQLite refuses a statement
     */
    public static SchemaSnapshot read() throws SQLException {
        try (Connection connection = TestSqlite.fixture(STATEMENTS)) {
            return SqliteSchemaReader.read(connection);
        }
    }
}
