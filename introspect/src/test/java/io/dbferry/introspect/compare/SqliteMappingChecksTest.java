package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteSchemaMapper;
import io.dbferry.introspect.mapping.SqliteTypeMapping;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.postgres.PostgresCatalog.TableObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL → SQLite mapping leaves out or changes, as compare reports it. */
class SqliteMappingChecksTest {

    private static final TableId ORDERS = new TableId("public", "orders");
    private static final TableId CUSTOMERS = new TableId("public", "customers");

    private static Table orders() {
        return new Table(ORDERS, List.of(
                new Column("id", 1, ColumnType.of("bigint"), false, null, true, false),
                new Column("customer_id", 2, ColumnType.of("bigint"), false, null, false, false),
                new Column("number", 3, ColumnType.of("bigint"), false, null, true, false),
                new Column("created", 4, ColumnType.of("timestamp with time zone"), false, "now()", false, false),
                new Column("note", 5, ColumnType.of("text"), true, "NULL::text", false, false),
                new Column("state", 6, ColumnType.of("order_state"), false, "'new'::order_state", false, false),
                new Column("doc", 7, ColumnType.of("jsonb"), true, null, false, false),
                new Column("tags", 8, ColumnType.of("text[]"), true, null, false, false),
                new Column("weight", 9, ColumnType.of("real"), true, null, false, false),
                new Column("price", 10, ColumnType.of("double precision"), true, null, false, false)),
                new PrimaryKey("orders_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey("orders_customer_fkey", List.of("customer_id"), CUSTOMERS, List.of("id"),
                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)),
                List.of(new Index("orders_created_idx", List.of("created"), false),
                        new Index("orders_doc_idx", List.of(IndexPart.expression("(doc ->> 'k'::text)")), false, null)),
                List.of(new CheckConstraint("orders_weight_check", "weight > 0::real")), false);
    }

    private static SchemaSnapshot snapshot() {
        return new SchemaSnapshot(Dialect.POSTGRES, "public", List.of(orders()),
                List.of(new View("open_orders", "SELECT id FROM orders", List.of("orders"))),
                List.of("skipped materialized view \"totals\": only tables and views are read"));
    }

    private static List<CompatibilityIssue> issues() {
        SchemaSnapshot snapshot = snapshot();
        SqliteSchema mapped = new SqliteSchemaMapper(new SqliteTypeMapping(Map.of("order_state",
                List.of("new", "paid")))).map(snapshot, snapshot.tables());
        return new SqliteMappingChecks().check(snapshot, mapped);
    }

    private static CompatibilityIssue issue(IssueCode code, String column) {
        return issues().stream().filter(i -> i.code() == code)
                .filter(i -> column == null ? i.column() == null : column.equals(i.column()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " on " + column + " in " + issues()));
    }

    @Test
    void reportsViewsAndTheReadersNotesForTheWholeSchema() {
        assertThat(issues()).filteredOn(i -> i.table() == null).extracting(CompatibilityIssue::message)
                .containsExactlyInAnyOrder("view \"open_orders\" is not created: its query is PostgreSQL SQL",
                        "skipped materialized view \"totals\": only tables and views are read");
    }

    @Test
    void reportsTheCheckTheExpressionIndexAndTheForeignKeyToATableLeftOut() {
        assertThat(issues()).filteredOn(i -> i.code() == IssueCode.SCHEMA_OBJECT_NOT_CARRIED && "orders".equals(i.table())
                && i.column() == null).extracting(CompatibilityIssue::message)
                .anyMatch(m -> m.startsWith("CHECK constraint \"orders_weight_check\""))
                .anyMatch(m -> m.startsWith("index \"orders_doc_idx\"") && m.contains("(doc ->> 'k'::text)"))
                .noneMatch(m -> m.contains("orders_created_idx"));
        assertThat(issue(IssueCode.FOREIGN_KEY_OUTSIDE_SELECTION, null).message())
                .contains("\"customers\" is not part of this migration");
    }

    @Test
    void reportsDefaultsThatAreNotLiteralsAndIdentityThatIsNotTheRowid() {
        assertThat(issue(IssueCode.DEFAULT_NOT_CARRIED, "created").message()).contains("now()");
        assertThat(issues()).filteredOn(i -> i.code() == IssueCode.DEFAULT_NOT_CARRIED)
                .extracting(CompatibilityIssue::column).containsExactly("created"); // NULL and the enum label carry
        assertThat(issue(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, "number").message())
                .contains("identity column \"orders\".\"number\" becomes a plain column");
        assertThat(issues()).noneMatch(i -> "id".equals(i.column()));
    }

    @Test
    void reportsWhatSqliteKeepsOfEachType() {
        assertThat(issues()).filteredOn(i -> i.code() == IssueCode.STORED_AS_TEXT)
                .extracting(CompatibilityIssue::column).containsExactlyInAnyOrder("state", "doc", "tags");
        assertThat(issue(IssueCode.STORED_AS_TEXT, "state").message()).contains("[new, paid]");
        assertThat(issue(IssueCode.STORED_IN_UTC, "created").severity()).isEqualTo(Severity.INFO);
        assertThat(issues()).filteredOn(i -> i.code() == IssueCode.TYPE_WIDENED)
                .extracting(CompatibilityIssue::column).containsExactly("weight"); // double precision is not widened
    }

    @Test
    void reportsExclusionConstraintsAndPartitionsOfSelectedTablesOnly() {
        SchemaSnapshot snapshot = snapshot();
        SqliteSchema mapped = new SqliteSchemaMapper(new SqliteTypeMapping(Map.of())).map(snapshot,
                snapshot.tables());

        List<CompatibilityIssue> issues = new SqliteMappingChecks().checkCatalog(mapped,
                List.of(new TableObject("orders", "orders_excl", "EXCLUDE USING gist (id WITH =)"),
                        new TableObject("elsewhere", "x", "EXCLUDE USING gist (id WITH =)")),
                List.of(new TableObject("orders_2024", "orders", "FOR VALUES FROM (1) TO (2)")));

        assertThat(issues).extracting(CompatibilityIssue::code, CompatibilityIssue::table).containsExactlyInAnyOrder(
                tuple(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, "orders"),
                tuple(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, "orders"),
                tuple(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, "orders_2024"));
        assertThat(issues).extracting(CompatibilityIssue::message)
                .anyMatch(m -> m.contains("exclusion constraint \"orders_excl\""))
                .anyMatch(m -> m.contains("partitioning of \"orders\" is not carried over"))
                .anyMatch(m -> m.contains("\"orders_2024\" is a partition of \"orders\" (FOR VALUES FROM (1) TO (2)): "
                        + "it is not migrated as a table of its own"));
    }
}
