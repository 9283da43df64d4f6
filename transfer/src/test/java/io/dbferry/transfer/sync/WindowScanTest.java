package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window of an incremental run on an in-memory SQLite: the text range on the raw column must hold every row
 * SQLite reads as at or after the lower bound, whatever the format, and an index on the column must serve it.
 */
class WindowScanTest {

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);
    private Connection sqlite;

    @BeforeEach
    void open() throws Exception {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        execute("CREATE TABLE items (id INTEGER PRIMARY KEY, updated_at DATETIME, note TEXT)",
                "CREATE INDEX items_updated_at ON items (updated_at)");
    }

    @AfterEach
    void close() throws Exception {
        sqlite.close();
    }

    /**
     * The lower bound is 2023-03-04 14:59:00 UTC. Each "in" row is at or after it but written so that its text
     * starts with an earlier date than the bound's: a bound too tight (the bound's own date, or a margin of a
     * day or three) leaves them out, and the assertion fails.
     */
    @Test
    void isoTextWindowHoldsEveryRowAtOrAfterTheLowerBoundWhateverItsFormat() throws Exception {
        execute("INSERT INTO items (id, updated_at) VALUES "
                + "(1, '2023-03-04 14:59:00'), (2, '2023-03-04T14:59:00Z'), (3, '2023-03-04T14:59:00.000'), "
                + "(4, '2023-03-04 14:58:59.999'), (5, '2023-03-04T14:58:59.999Z'), " // a millisecond early: out
                + "(6, '2023-03-04T19:59:00+05:00'), (7, '2023-03-04T19:58:59+05:00'), " // at, and 1 s before
                + "(8, '2023-03-04T00:00:00-14:59'), (9, '2023-03-03 24:00:00-14:59'), " // earlier dates, same instant
                + "(10, '2023-02-31 24:00:00-14:59'), (11, '2023-02-31 24:00:00-14:58'), " // Feb 31 is March 3
                + "(12, '2023-03-10'), (13, '2023-02-01 10:00:00'), (14, NULL)");
        double lower = epochSeconds("2023-03-04T14:59:00Z");
        Watermark iso = new Watermark("updated_at", WatermarkKind.ISO_TEXT);

        List<Long> window = ids(iso.window(BigDecimal.valueOf(lower + 600), Duration.ofMinutes(10)));

        assertThat(window).containsExactly(1L, 2L, 3L, 6L, 8L, 9L, 10L, 12L)
                .isEqualTo(ids(DSL.condition("unixepoch(updated_at, 'subsec') >= ?", lower)));
        assertThat(Watermark.isoTextStart(lower)).isEqualTo("2023-02-27");
    }

    @Test
    void numericWindowIsARangeOnTheColumnInTheUnitOfItsValues() throws Exception {
        execute("INSERT INTO items (id, updated_at) VALUES (1, 1704103200000), (2, 1704103169999), (3, 1704103170000.5), (4, NULL)");
        Watermark number = new Watermark("updated_at", WatermarkKind.NUMBER);

        assertThat(ids(number.window(BigDecimal.valueOf(1704103200000L), Duration.ofSeconds(30))))
                .containsExactly(1L, 3L);
    }

    @Test
    void windowScanFindsTheHighestInTheWindowAndCountsTheTablesNulls() throws Exception {
        execute("INSERT INTO items (id, updated_at) VALUES (1, '2024-01-01 10:00:00'), (2, '2024-01-02T10:00:00.250Z'), "
                + "(3, '2024-01-02 11:00:00+05:00'), (4, NULL), (5, NULL)");
        double high = epochSeconds("2024-01-02T06:00:00Z");

        WatermarkScan scan = WindowScan.of(sqlite, "items", new Watermark("updated_at", WatermarkKind.ISO_TEXT),
                BigDecimal.valueOf(high), Duration.ofMinutes(5));

        assertThat(scan.kind("items")).isEqualTo(WatermarkKind.ISO_TEXT);
        assertThat(scan.highSource()).isEqualTo("2024-01-02T10:00:00.250Z");
        assertThat(scan.highNormalised()).isEqualByComparingTo(BigDecimal.valueOf(epochSeconds("2024-01-02T10:00:00.250Z")));
        assertThat(scan.nulls()).isEqualTo(2);
        assertThat(scan.rows()).isEqualTo(3); // the candidates: the text range starts 5 days before the bound
    }

    @Test
    void windowScanRefusesANumberWrittenToAnIsoTextColumnAndTextWrittenToANumericOne() throws Exception {
        execute("INSERT INTO items (id, updated_at) VALUES (1, '2024-01-02 10:00:00'), (2, 1)"); // the number sorts before the window
        assertThatThrownBy(() -> WindowScan.of(sqlite, "items", new Watermark("updated_at", WatermarkKind.ISO_TEXT),
                BigDecimal.valueOf(epochSeconds("2024-01-02T10:00:00Z")), Duration.ZERO).kind("items"))
                .isInstanceOf(DbferryException.class).hasMessageContaining("mixes 1 text and 1 numeric values");

        execute("DELETE FROM items", "INSERT INTO items (id, updated_at) VALUES (1, 1704103200), (2, '1999-01-01')");
        assertThatThrownBy(() -> WindowScan.of(sqlite, "items", new Watermark("updated_at", WatermarkKind.NUMBER),
                BigDecimal.valueOf(1704103200), Duration.ZERO).kind("items"))
                .isInstanceOf(DbferryException.class).hasMessageContaining("mixes 1 text and 1 numeric values");
    }

    @Test
    void textNotStartingWithADateMakesTheColumnTimestampTextWhichIsScannedInFull() throws Exception {
        execute("INSERT INTO items (id, updated_at) VALUES (1, '2024-01-02 10:00:00'), (2, '10:00')");
        assertThat(WatermarkScan.of(sqlite, "items", "updated_at").kind("items")).isEqualTo(WatermarkKind.TIMESTAMP_TEXT);
        assertThat(new Watermark("updated_at", WatermarkKind.TIMESTAMP_TEXT)
                .candidates(BigDecimal.ONE, Duration.ZERO)).isEqualTo(DSL.noCondition());
        execute("DELETE FROM items WHERE id = 2");
        assertThat(WatermarkScan.of(sqlite, "items", "updated_at").kind("items")).isEqualTo(WatermarkKind.ISO_TEXT);
    }

    @Test
    void theIndexOnTheWatermarkServesTheWindowReadAndEveryScanOfIt() throws Exception {
        BigDecimal high = BigDecimal.valueOf(epochSeconds("2024-01-02T10:00:00Z"));
        for (WatermarkKind kind : List.of(WatermarkKind.ISO_TEXT, WatermarkKind.NUMBER)) {
            Watermark watermark = new Watermark("updated_at", kind);
            Duration lookback = Duration.ofMinutes(5);
            assertThat(plan(SQLITE.select(DSL.field(DSL.name("id")), DSL.field(DSL.name("note")))
                    .from(DSL.table(DSL.name("items"))).where(watermark.window(high, lookback))))
                    .as(kind.name()).contains("SEARCH items USING INDEX items_updated_at (updated_at>?)");
            assertThat(plan(WindowScan.query("items", watermark, high, lookback))).as(kind.name())
                    .contains("SEARCH items USING COVERING INDEX items_updated_at (updated_at>?)");
        }
        assertThat(plan(SQLITE.selectCount().from(DSL.table(DSL.name("items")))
                .where(DSL.field(DSL.name("updated_at")).lt(DSL.val("")))))
                .contains("SEARCH items USING COVERING INDEX items_updated_at (updated_at<?)");
    }

    private String plan(Query query) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = sqlite.prepareStatement("EXPLAIN QUERY PLAN " + query.getSQL())) {
            WatermarkScan.bind(statement, query.getBindValues());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
        }
        return String.join("\n", lines);
    }

    private List<Long> ids(Condition where) throws Exception {
        Query query = SQLITE.select(DSL.field(DSL.name("id"))).from(DSL.table(DSL.name("items"))).where(where)
                .orderBy(DSL.field(DSL.name("id")));
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = sqlite.prepareStatement(query.getSQL())) {
            WatermarkScan.bind(statement, query.getBindValues());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static double epochSeconds(String instant) {
        return Instant.parse(instant).toEpochMilli() / 1000.0;
    }

    private void execute(String... statements) throws Exception {
        try (Statement statement = sqlite.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
