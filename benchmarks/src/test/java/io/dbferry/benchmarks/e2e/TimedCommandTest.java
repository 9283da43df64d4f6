package io.dbferry.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dbferry.benchmarks.BenchmarkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading GNU time's report. */
class TimedCommandTest {

    @Test
    void readsThePeakResidentSetInKilobytes() {
        String report = """
                \tCommand being timed: "pgloader a b"
                \tElapsed (wall clock) time (h:mm:ss or m:ss): 0:21.63
                \tMaximum resident set size (kbytes): 716800
                \tExit status: 0
                """;

        assertThat(TimedCommand.peakRssBytes(report, Path.of("r"))).isEqualTo(716_800L * 1024);
    }

    @Test
    void addsUserAndSystemTime() {
        String report = """
                \tUser time (seconds): 20.55
                \tSystem time (seconds): 3.83
                \tPercent of CPU this job got: 64%
                """;

        assertThat(TimedCommand.cpuSeconds(report)).isCloseTo(24.38, within(1e-9));
    }

    @Test
    void saysWhenTheReportIsNotGnuTimes() {
        assertThatThrownBy(() -> TimedCommand.peakRssBytes("0.01user 0.00system", Path.of("r.time")))
                .isInstanceOf(BenchmarkException.class)
                .hasMessage("no 'Maximum resident set size' in r.time: is /usr/bin/time GNU time?");
    }
}
