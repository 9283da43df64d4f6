package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsEveryUnit() {
        assertThat(DurationText.parse("500ms", "--every")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s", "--every")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("5m", "--lookback")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2h", "--every")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("1d", "--every")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationText.parse("0s", "--lookback")).isZero();
    }

    @Test
    void rejectsWhatIsNotANumberAndAUnitNamingTheOption() {
        assertThatThrownBy(() -> DurationText.parse("5", "--lookback")).isInstanceOf(DbferryException.class)
                .hasMessage("--lookback must be a whole number and a unit (ms, s, m, h or d), e.g. 5m or 30s; was '5'");
        assertThatThrownBy(() -> DurationText.parse("-1m", "--every")).hasMessageStartingWith("--every must be");
    }
}
