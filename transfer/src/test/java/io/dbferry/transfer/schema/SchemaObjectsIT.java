package io.dbferry.transfer.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.plan.SyncPhase;
import io.dbferry.introspect.plan.SyncPlan;
import io.dbferry.introspect.plan.SyncPlanner;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyEncoder;
import io.dbferry.transfer.write.CopyFormat;
import io.dbferry.transfer.write.CopyStatement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sync plan of a SQLite fixture with every schema object — CHECKs with BETWEEN and IN, defaults
 * {@code datetime('now')}, {@code 0} on a BOOLEAN, {@code 'abc'} and a double-quoted {@code "new"}, a NOCASE column,
 * partial, expression and NOCASE indexes, a view over a join and a view over that view — on a fresh PostgreSQL
 * database, loads the rows between its phases as migrate does, and uses each object there. Expected values come
 * from the fixture and from SQLite itself, never from the plan.
 */
class SchemaObjectsIT {

    private static final String[] FIXTURE = {
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
                + "WHERE quantity >= 10",
        "INSERT INTO customer (id, email, name, active, created, tier) VALUES "
                + "(1, 'Ann@Example.com', 'Ann', 1, '2024-01-02 03:04:05', 'gold'), "
                + "(2, 'bob@example.com', 'Bob', 0, '2024-02-03 04:05:06', 'abc'), "
                + "(3, 'cy@example.com', 'Cy', 1, '2024-03-04 05:06:07', NULL)",
        "INSERT INTO orders (id, customer_id, quantity, price, status) VALUES "
                + "(1, 1, 2, 9.99, 'done'), (2, 1, 12, 1.50, 'new'), (3, 2, 100, 0, 'new'), (4, 3, 10, 3.25, 'paid')",
    };

    @TempDir
    static Path dir;

    private static Connection sqlite;
    private static TestDatabase database;
    private static Connection postgres;
    private static SchemaMapping mapping;

    @BeforeAll
    static void migrateThroughThePlan() throws Exception {
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("objects.sqlite"));
        try (Statement statement = sqlite.createStatement()) {
            for (String sql : FIXTURE) {
                statement.execute(sql);
            }
        }
        database = TestPostgres.freshDatabase();
        postgres = database.connect();
        SchemaSnapshot source = SqliteSchemaReader.read(sqlite);
        mapping = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "shop")
                .map(source, source.tables());
        SyncPlan plan = new SyncPlanner().plan(mapping, PostgresSchemaReader.read(postgres, "shop"));
        run(plan.statements(SyncPhase.TABLES, false));
        for (MappedTable table : mapping.tables()) {
            load(table);
        }
        for (SyncPhase phase : List.of(SyncPhase.KEYS_AND_INDEXES, SyncPhase.FOREIGN_KEYS, SyncPhase.VIEWS,
                SyncPhase.SEQUENCES)) {
            run(plan.statements(phase, false));
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (sqlite != null) {
            sqlite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static void run(List<String> statements) throws SQLException {
        try (Statement statement = postgres.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Loads a table as migrate does: read from SQLite, each value through its column's transform, binary COPY. */
    private static void load(MappedTable table) throws Exception {
        ValueTransform[] transforms = table.columns().stream().map(Transforms::forColumn)
                .toArray(ValueTransform[]::new);
        CopyEncoder encoder = CopyEncoder.of(CopyFormat.BINARY,
                table.columns().stream().map(c -> c.targetType()).toList());
        encoder.begin();
        new SqliteTableReader(sqlite).read(table, values -> {
            Object[] row = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                row[i] = values[i] == null ? null
                        : ((TransformResult.Converted) transforms[i].apply(values[i])).value();
            }
            encoder.appendRow(row);
        });
        encoder.end();
        CopyData data = encoder.take();
        new CopyManager(postgres.unwrap(BaseConnection.class)).copyIn(CopyStatement.sql(table, CopyFormat.BINARY),
                new ByteArrayInputStream(data.bytes(), 0, data.length()));
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    Object value = rs.getObject(i);
                    // SQLite returns REAL and INTEGER, PostgreSQL numeric: compare the numbers, not their scale.
                    row.add(value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                            : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState();
    }

    @Test
    void everyObjectIsCarriedOver() {
        assertThat(mapping.untranslatable()).isEmpty();
        assertThat(mapping.views()).hasSize(2);
    }

    @Test
    void rowsViolatingATranslatedCheckAreRejected() {
        assertThatThrownBy(() -> run(List.of("insert into shop.orders (customer_id, quantity, price) values (1, 0, 1)")))
                .isInstanceOf(SQLException.class).satisfies(e -> {
                    assertThat(sqlState((SQLException) e)).isEqualTo("23514"); // check_violation
                    assertThat(e.getMessage()).contains("orders_quantity_check");
                });
        assertThatThrownBy(() -> run(List.of("insert into shop.customer (email, name, tier) values ('x@y', 'X', 'silver')")))
                .isInstanceOf(SQLException.class).hasMessageContaining("tier_known");
        assertThatThrownBy(() -> run(List.of("insert into shop.customer (email, name) values ('z@y', '')")))
                .isInstanceOf(SQLException.class).hasMessageContaining("customer_name_check");
        assertThatThrownBy(() -> run(List.of("insert into shop.orders (customer_id, quantity, price) values (1, 1, -1)")))
                .isInstanceOf(SQLException.class).hasMessageContaining("price positive");
    }

    @Test
    void anInsertWithoutValuesGetsTheTranslatedDefaultsAndTheNextIdentity() throws Exception {
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        postgres.setAutoCommit(false);
        try {
            run(List.of("insert into shop.customer (email, name) values ('dee@example.com', 'Dee')",
                    "insert into shop.orders (customer_id, quantity, price) values (4, 5, 2)"));

            List<String> customer = rows(postgres, "select id, active, tier, created from shop.customer "
                    + "where email = 'dee@example.com'").getFirst();
            assertThat(customer.subList(0, 3)).containsExactly("4", "false", "abc");
            // datetime('now') is UTC text in SQLite's own format.
            LocalDateTime created = LocalDateTime.parse(customer.get(3),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            assertThat(created).isBetween(before, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
            assertThat(rows(postgres, "select status from shop.orders where customer_id = 4"))
                    .containsExactly(List.of("new"));
        } finally {
            postgres.rollback(); // the other tests compare the loaded rows with SQLite's
            postgres.setAutoCommit(true);
        }
    }

    @Test
    void theViewsReturnTheRowsSqliteReturns() throws Exception {
        String byName = "select * from customer_orders order by name, quantity";
        assertThat(rows(postgres, "select * from shop.customer_orders order by name, quantity"))
                .isEqualTo(rows(sqlite, byName)).hasSize(4);
        assertThat(rows(postgres, "select customer, total from shop.big_orders order by customer, total"))
                .isEqualTo(rows(sqlite, "select customer, total from big_orders order by customer, total")).hasSize(3);
    }

    @Test
    void thePartialExpressionAndNocaseIndexesExistWithTheirDefinitions() throws Exception {
        assertThat(rows(postgres, "select indexname, indexdef from pg_indexes where schemaname = 'shop' "
                + "and indexname in ('orders_open', 'customer_name_lower', 'customer_tier') order by indexname"))
                .containsExactly(
                        List.of("customer_name_lower", "CREATE INDEX customer_name_lower ON shop.customer USING btree "
                                + "(lower(name), id DESC)"),
                        List.of("customer_tier", "CREATE INDEX customer_tier ON shop.customer USING btree (lower(tier))"),
                        List.of("orders_open", "CREATE INDEX orders_open ON shop.orders USING btree (customer_id) "
                                + "WHERE (status <> 'done'::text)"));
    }

    @Test
    void planningAgainstTheMigratedTargetFindsNothingToChange() {
        SyncPlan again = new SyncPlanner().plan(mapping, PostgresSchemaReader.read(postgres, "shop"));

        assertThat(again.steps()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("CreateSchema", "LoadData", "RestartIdentity", "RestartIdentity");
    }
}
