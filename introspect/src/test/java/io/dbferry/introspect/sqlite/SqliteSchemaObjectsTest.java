package io.dbferry.introspect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestSqlite;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.View;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema objects beyond columns and keys, read from a fixture with one of each: CHECK constraints (BETWEEN,
 * IN, named and unnamed, column- and table-level), defaults, a NOCASE column, partial, expression and NOCASE
 * indexes, and views over a join and over a view. Expectations are the DDL's own text.
 */
class SqliteSchemaObjectsTest {

    /** The fixture, also used by the translation, DDL and planner tests. */
    static final String[] FIXTURE = {
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

    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void read() throws Exception {
        try (Connection connection = TestSqlite.fixture(FIXTURE)) {
            snapshot = SqliteSchemaReader.read(connection);
        }
    }

    @Test
    void readsColumnAndTableChecksInDeclarationOrderWithTheirNames() {
        assertThat(snapshot.table("customer").checks()).containsExactly(
                new CheckConstraint(null, "length(name) > 0"),
                new CheckConstraint("tier_known", "tier IN ('abc', 'gold')"));
        assertThat(snapshot.table("orders").checks()).containsExactly(
                new CheckConstraint(null, "quantity BETWEEN 1 AND 100"),
                new CheckConstraint("price positive", "price >= 0"));
    }

    @Test
    void keepsDefaultsAsWritten() {
        Table customer = snapshot.table("customer");

        assertThat(customer.column("active").defaultSql()).isEqualTo("0");
        assertThat(customer.column("created").defaultSql()).isEqualTo("datetime('now')");
        assertThat(customer.column("tier").defaultSql()).isEqualTo("'abc'");
        assertThat(snapshot.table("orders").column("status").defaultSql()).isEqualTo("\"new\"");
    }

    @Test
    void readsTheNocaseCollationOfAColumnAndNoneElsewhere() {
        assertThat(snapshot.table("customer").column("email").collation()).isEqualTo("NOCASE");
        assertThat(snapshot.table("customer").column("name").collation()).isNull();
    }

    @Test
    void readsPartialExpressionAndCollatedIndexes() {
        assertThat(snapshot.table("orders").indexes()).containsExactly(
                new Index("orders_open", List.of(IndexPart.column("customer_id")), false, "status <> 'done'"));
        assertThat(snapshot.table("customer").indexes()).containsExactly(
                new Index("customer_name_lower", List.of(IndexPart.expression("lower(name)"),
                        new IndexPart("id", null, null, true)), false, null),
                new Index("customer_tier", List.of(new IndexPart("tier", null, "NOCASE", false)), false, null));
    }

    @Test
    void theAutomaticIndexOfAUniqueConstraintIsTheConstraintNotAnIndex() {
        Table customer = snapshot.table("customer");

        assertThat(customer.uniqueKeys()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("email"));
        assertThat(customer.indexes()).noneMatch(i -> i.name().startsWith("sqlite_autoindex"));
    }

    @Test
    void aUniqueConstraintRepeatingThePrimaryKeyOrAnotherIsLeftOut() throws Exception {
        try (Connection connection = TestSqlite.fixture(
                "CREATE TABLE t (code TEXT PRIMARY KEY UNIQUE, a INT, b INT, UNIQUE (a, b), UNIQUE (b, a))")) {
            Table t = SqliteSchemaReader.read(connection).table("t");

            assertThat(t.uniqueKeys()).singleElement().satisfies(u -> assertThat(u.columns()).hasSize(2));
        }
    }

    @Test
    void readsViewsWithTheRelationsTheyRead() {
        assertThat(snapshot.views()).extracting(View::name).containsExactly("big_orders", "customer_orders");
        assertThat(snapshot.views().get(0).dependsOn()).containsExactly("customer_orders");
        assertThat(snapshot.views().get(1).dependsOn()).containsExactly("customer", "orders");
        assertThat(snapshot.views().get(1).sourceSql()).isEqualTo(FIXTURE[5]);
        assertThat(snapshot.notes()).isEmpty();
    }

    @Test
    void findsChecksPastQuotedNamesCommentsAndGeneratedColumns() throws Exception {
        try (Connection connection = TestSqlite.fixture("CREATE TABLE \"check (x)\" (\"CHECK\" INT -- CHECK (no)\n"
                + " CHECK (\"CHECK\" <> ')'), d INT GENERATED ALWAYS AS (\"CHECK\" * 2) /* CHECK (d) */, "
                + "CONSTRAINT c1 UNIQUE (d), CHECK (d >= 0))")) {
            Table t = SqliteSchemaReader.read(connection).table("check (x)");

            assertThat(t.checks()).containsExactly(new CheckConstraint(null, "\"CHECK\" <> ')'"),
                    new CheckConstraint(null, "d >= 0"));
        }
    }
}
