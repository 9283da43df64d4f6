package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestTables;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which source indexes serve a sync's {@code col >= ?} on the watermark column, and the warning when none does. */
class WatermarkIndexCheckTest {

    private static TestTables.Builder items() {
        return TestTables.source("items").column("id", "INTEGER").column("updated_at", "DATETIME")
                .column("shop", "INTEGER").primaryKey("id");
    }

    @Test
    void anIndexOrKeyWhoseFirstColumnIsTheWatermarkServesIt() {
        assertThat(WatermarkIndexCheck.isIndexed(items().index("by_time", "updated_at").build(), "updated_at")).isTrue();
        assertThat(WatermarkIndexCheck.isIndexed(items().index("by_time_shop", "updated_at", "shop").build(),
                "updated_at")).isTrue();
        assertThat(WatermarkIndexCheck.isIndexed(items().unique("u", "updated_at", "id").build(), "updated_at")).isTrue();
        assertThat(WatermarkIndexCheck.isIndexed(items().build(), "id")).isTrue();
    }

    @Test
    void noIndexALaterKeyAPartialIndexOrAnotherCollationDoesNot() {
        assertThat(WatermarkIndexCheck.isIndexed(items().build(), "updated_at")).isFalse();
        assertThat(WatermarkIndexCheck.isIndexed(items().index("by_shop_time", "shop", "updated_at").build(),
                "updated_at")).isFalse();
        Index partial = new Index("recent", List.of(IndexPart.column("updated_at")), false, "updated_at > '2024'");
        assertThat(WatermarkIndexCheck.isIndexed(items().index(partial).build(), "updated_at")).isFalse();
        Index nocase = new Index("nocase", List.of(new IndexPart("updated_at", null, "NOCASE", false)), false, null);
        assertThat(WatermarkIndexCheck.isIndexed(items().index(nocase).build(), "updated_at")).isFalse();
    }

    @Test
    void warnsForEachTableWithTheColumnAndNoIndexWithTheStatementToCreateIt() {
        Table unindexed = items().build();
        Table indexed = TestTables.source("orders").column("id", "INTEGER").column("updated_at", "INTEGER")
                .index("orders_time", "updated_at").build();
        Table without = TestTables.source("tags").column("code", "TEXT").build();
        Table ownColumn = TestTables.source("events").column("id", "INTEGER").column("ts", "INTEGER").build();
        Map<String, String> own = Map.of("events", "ts");

        List<CompatibilityIssue> issues = WatermarkIndexCheck.check(List.of(unindexed, indexed, without, ownColumn),
                t -> own.getOrDefault(t, "updated_at"));

        assertThat(issues).extracting(CompatibilityIssue::object).containsExactly("items.updated_at", "events.ts");
        assertThat(issues.getFirst().code()).isEqualTo(IssueCode.WATERMARK_NOT_INDEXED);
        assertThat(issues.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(issues.getFirst().message()).contains("\"items\".\"updated_at\" has no index in the source");
        assertThat(issues.getFirst().suggestion())
                .endsWith("CREATE INDEX IF NOT EXISTS \"items_updated_at_idx\" ON \"items\"(\"updated_at\")");
        assertThat(WatermarkIndexCheck.check(List.of(unindexed), t -> null)).isEmpty();
    }
}
