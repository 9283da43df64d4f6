package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue codes carry fixed severities and one-phrase descriptions; severities sort worst first. */
class IssueCodeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            TABLE_TO_BE_CREATED,       INFO
            COLUMN_MISSING_IN_TARGET,  ERROR
            TARGET_COLUMN_REQUIRED,    ERROR
            TYPE_WIDENED,              INFO
            TYPE_LOSSY,                WARNING
            TYPE_INCOMPATIBLE,         ERROR
            IDENTIFIER_COLLISION,      ERROR
            IDENTIFIER_TOO_LONG,       WARNING
            RESERVED_WORD,             INFO
            """)
    void hasTheSeverityItsMeaningImplies(IssueCode code, Severity severity) {
        assertThat(code.severity()).isEqualTo(severity);
    }

    @ParameterizedTest
    @EnumSource(IssueCode.class)
    void describesItselfInOneLowerCasePhrase(IssueCode code) {
        assertThat(code.description()).isNotBlank()
                .startsWith(code.description().substring(0, 1).toLowerCase(Locale.ROOT))
                .doesNotEndWith(".");
    }

    @Test
    void sortsSeveritiesFromWorstToMildest() {
        assertThat(Severity.values()).isSorted().containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
    }

    @Test
    void labelsSeveritiesInLowerCase() {
        assertThat(Severity.ERROR.label()).isEqualTo("error");
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
        assertThat(Severity.INFO.label()).isEqualTo("info");
    }
}
