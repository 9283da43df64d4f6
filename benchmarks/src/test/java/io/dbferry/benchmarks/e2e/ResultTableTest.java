package io.dbferry.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The markdown the end-to-end benchmark prints, and the statistics behind it. */
class ResultTableTest {

    private static final long MB = 1024 * 1024;

    @Test
    void seriesTakesTheMediansRangeAndPeak() {
        Series odd = new Series("t", List.of(new Measurement(3, 1.5, 10 * MB), new Measurement(1, 0.5, 30 * MB),
                new Measurement(2, 1, 20 * MB)));
        Series even = new Series("t", List.of(run(4), run(1), run(2), run(3)));

        assertThat(odd.medianSeconds()).isEqualTo(2);
        assertThat(odd.minSeconds()).isEqualTo(1);
        assertThat(odd.maxSeconds()).isEqualTo(3);
        assertThat(odd.medianCpuSeconds()).isEqualTo(1);
        assertThat(odd.peakRssBytes()).isEqualTo(30 * MB);
        assertThat(even.medianSeconds()).isEqualTo(2.5);
    }

    @Test
    void printsMediansRowsPerSecondAndRatiosToPgloaderAndTheFloor() {
        List<Series> lines = List.of(
                new Series("dbferry migrate", List.of(new Measurement(10, 6, 200 * MB),
                        new Measurement(12, 7, 210 * MB), new Measurement(11, 6.5, 205 * MB))),
                new Series(ResultTable.PGLOADER, List.of(new Measurement(20, 24, 700 * MB))),
                new Series(ResultTable.FLOOR, List.of(Measurement.serverSide(5))));

        assertThat(ResultTable.forSize(2_100_000, lines)).isEqualTo("""
                | tool | median s | min–max s | client CPU s | peak RSS MB | rows/s | × pgloader | × floor |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | dbferry migrate | 11.00 | 10.00–12.00 | 6.50 | 210 | 190,909 | 0.55 | 2.20 |
                | pgloader | 20.00 | 20.00–20.00 | 24.00 | 700 | 105,000 | 1.00 | 4.00 |
                | floor (parallel COPY + keys) | 5.00 | 5.00–5.00 | (server) | (server) | 420,000 | 0.25 | 1.00 |
                """);
    }

    @Test
    void leavesRatiosOutWithoutTheirReference() {
        List<Series> lines = List.of(new Series("dbferry migrate", List.of(new Measurement(2, 1, MB))));

        assertThat(ResultTable.forSize(100, lines))
                .endsWith("| dbferry migrate | 2.00 | 2.00–2.00 | 1.00 | 1 | 50 | – | – |\n");
    }

    @Test
    void judgesLinearityAgainstTheRowsRatioWithTenPercentSlack() {
        Map<String, Series> small = series(new Series("a", List.of(run(1))), new Series("b", List.of(run(1))));
        Map<String, Series> large = series(new Series("a", List.of(run(4.4))), new Series("b", List.of(run(4.5))));

        assertThat(ResultTable.linearity(500, small, 2_000, large)).isEqualTo("""
                | tool | median s at 500 rows | median s at 2,000 rows | time ratio (rows ×4.00) | ≤ 4.40? |
                | --- | ---: | ---: | ---: | --- |
                | a | 1.00 | 4.40 | 4.40 | yes |
                | b | 1.00 | 4.50 | 4.50 | no |
                """);
    }

    @Test
    void addsServerSideRunsOneAfterTheOther() {
        assertThat(Measurement.serverSide(2).then(Measurement.serverSide(1.5))).isEqualTo(Measurement.serverSide(3.5));
    }

    private static Measurement run(double wallSeconds) {
        return new Measurement(wallSeconds, 1, MB);
    }

    private static Map<String, Series> series(Series... series) {
        Map<String, Series> byName = new LinkedHashMap<>();
        for (Series s : series) {
            byName.put(s.name(), s);
        }
        return byName;
    }
}
