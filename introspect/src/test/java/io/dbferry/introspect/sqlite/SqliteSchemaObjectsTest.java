package io.dbferry.introspect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.SchemaObjectsFixture;
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
 * The schema objects beyond columns and keys, read from {@link SchemaObjectsFixture}. Expectations are the DDL's
 * own text.
 */
class SqliteSchemaObjectsTest {

    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void read() throws Exception {
        snapshot = SchemaObjectsFixture.read();
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
        assertThat(snapshot.views().get(1).sourceSql()).isEqualTo(SchemaObjectsFixture.STATEMENTS[5]);
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
