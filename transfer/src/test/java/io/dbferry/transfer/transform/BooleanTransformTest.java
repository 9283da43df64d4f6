package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boolean spellings of PostgreSQL docs §8.6 and SQLite's 0/1 booleans. */
class BooleanTransformTest {

    private final BooleanTransform transform = new BooleanTransform();

    @Test
    void convertsOneAndZeroIntegers() {
        assertThat(converted(transform.apply(1L))).isEqualTo(true);
        assertThat(converted(transform.apply(0L))).isEqualTo(false);
    }

    @Test
    void rejectsTwoAsBoolean() {
        assertThat(rejectMessage(transform.apply(2L), RejectReason.NOT_A_BOOLEAN))
                .isEqualTo("2 is not a boolean (accepted integers: 0 and 1)");
    }

    @Test
    void rejectsMinusOneAsBoolean() {
        assertThat(rejectMessage(transform.apply(-1L), RejectReason.NOT_A_BOOLEAN)).startsWith("-1 is not");
    }

    @Test
    void convertsOneAndZeroReals() {
        assertThat(converted(transform.apply(1.0))).isEqualTo(true);
        assertThat(converted(transform.apply(0.0))).isEqualTo(false);
    }

    @Test
    void rejectsHalfAsBoolean() {
        assertThat(rejectMessage(transform.apply(0.5), RejectReason.NOT_A_BOOLEAN))
                .isEqualTo("0.5 is not a boolean (accepted reals: 0.0 and 1.0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "true", "TRUE", "True", "yes", "YES", "y", "Y", "on", "ON", "oN"})
    void acceptsTrueSpellingsInAnyCase(String text) {
        assertThat(converted(transform.apply(text))).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "false", "FALSE", "no", "NO", "n", "N", "off", "OFF", "Off"})
    void acceptsFalseSpellingsInAnyCase(String text) {
        assertThat(converted(transform.apply(text))).isEqualTo(false);
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(converted(transform.apply(" \t true\r\n"))).isEqualTo(true);
        assertThat(converted(transform.apply("  0  "))).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "", "   ", "tr", "fals", "2", "yess", "o", "t r u e", "1.0", "\u00A0true"})
    void rejectsOtherText(String text) {
        assertThat(rejectMessage(transform.apply(text), RejectReason.NOT_A_BOOLEAN))
                .endsWith(" is not a boolean (accepted: 0/1, t/f, true/false, yes/no, y/n, on/off)");
    }

    @Test
    void rejectsLongSThatJavaWouldFoldToS() {
        // U+017F LATIN SMALL LETTER LONG S upper-cases to S: equalsIgnoreCase("yeſ", "yes") is true.
        assertThat(rejectMessage(transform.apply("yeſ"), RejectReason.NOT_A_BOOLEAN)).startsWith("'yeſ'");
    }

    @Test
    void quotesTheRejectedText() {
        assertThat(rejectMessage(transform.apply("maybe"), RejectReason.NOT_A_BOOLEAN))
                .isEqualTo("'maybe' is not a boolean (accepted: 0/1, t/f, true/false, yes/no, y/n, on/off)");
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        assertThat(rejectMessage(transform.apply(new byte[] {1}), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("BLOB x'01' (1 byte) cannot be converted to boolean");
    }
}
