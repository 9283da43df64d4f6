package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {

    @Test
    void lookbackIsInSecondsForTextAndInTheUnitOfEpochNumbers() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertThat(new Watermark("t", WatermarkKind.TIMESTAMP_TEXT).lowerBound(1_704_103_200.5, fiveMinutes))
                .isEqualTo(1_704_102_900.5);
        Watermark number = new Watermark("t", WatermarkKind.NUMBER);
        assertThat(number.lowerBound(1_704_103_200, fiveMinutes)).isEqualTo(1_704_102_900);
        assertThat(number.lowerBound(1_704_103_200_000d, fiveMinutes)).isEqualTo(1_704_102_900_000d);
        assertThat(number.lowerBound(1_704_103_200_000_000d, fiveMinutes)).isEqualTo(1_704_102_900_000_000d);
        assertThat(number.lowerBound(42, Duration.ZERO)).isEqualTo(42);
    }

    @Test
    void keysCompareAsBothDatabasesOrderThemNumbersNumericallyTextByUtf8Bytes() {
        assertThat(KeyStream.compare(new Object[] {9L}, new Object[] {10L})).isNegative();
        // UTF-16 order would put U+FF21 after U+1F600's high surrogate the other way round; UTF-8 bytes do not.
        assertThat(KeyStream.compare(new Object[] {"\uFF21"}, new Object[] {"\uD83D\uDE00"})).isNegative();
        assertThat("\uFF21".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(KeyStream.compare(new Object[] {"Zebra"}, new Object[] {"apple"})).isNegative();
        assertThat(KeyStream.compare(new Object[] {1L, "b"}, new Object[] {1L, "a"})).isPositive();
        assertThat(KeyStream.describe(List.of(7L, "x"))).isEqualTo("(7, 'x')");
    }
}
