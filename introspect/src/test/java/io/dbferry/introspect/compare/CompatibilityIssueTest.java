package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One finding: its parts are validated, its severity comes from its code, its object names where it is. */
class CompatibilityIssueTest {

    private static final Example EXAMPLE = new Example(Map.of("id", "1"), "'x'");

    private static CompatibilityIssue issue(String table, String column) {
        return CompatibilityIssue.schema(IssueCode.TYPE_LOSSY, table, column, "message", "suggestion");
    }

    @Test
    void namesTableAndColumnAsTheObject() {
        assertThat(issue("Album", "Title").object()).isEqualTo("Album.Title");
    }

    @Test
    void namesTheTableAloneWhenThereIsNoColumn() {
        assertThat(issue("Album", null).object()).isEqualTo("Album");
    }

    @Test
    void namesNothingForAnIssueAboutTheWholeSchema() {
        assertThat(issue(null, null).object()).isEmpty();
    }

    @Test
    void takesItsSeverityFromItsCode() {
        assertThat(CompatibilityIssue.schema(IssueCode.TARGET_COLUMN_REQUIRED, "t", null, "m", "s").severity())
                .isEqualTo(Severity.ERROR);
        assertThat(issue("t", "c").severity()).isEqualTo(Severity.WARNING);
        assertThat(CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_CREATED, "t", null, "m", "s").severity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void makesASchemaIssueUncountedAndWithoutExamples() {
        CompatibilityIssue issue = issue("t", "c");

        assertThat(issue.affectedRows()).isEqualTo(CompatibilityIssue.NOT_COUNTED).isEqualTo(-1);
        assertThat(issue.examples()).isEmpty();
    }

    @Test
    void acceptsFiveExamplesAndKeepsItsOwnCopy() {
        List<Example> examples = new ArrayList<>(Collections.nCopies(5, EXAMPLE));

        CompatibilityIssue issue = new CompatibilityIssue(IssueCode.TEXT_TOO_LONG, "t", "c", "m", 12, examples, "s");
        examples.clear();

        assertThat(issue.examples()).hasSize(5);
        assertThatThrownBy(() -> issue.examples().add(EXAMPLE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsASixthExample() {
        List<Example> examples = Collections.nCopies(6, EXAMPLE);

        assertThatThrownBy(() -> new CompatibilityIssue(IssueCode.TEXT_TOO_LONG, "t", "c", "m", 12, examples, "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 5 examples, got 6");
    }

    @Test
    void acceptsZeroAffectedRowsButNothingBelowNotCounted() {
        assertThat(new CompatibilityIssue(IssueCode.TEXT_TOO_LONG, "t", "c", "m", 0, List.of(), "s").affectedRows())
                .isZero();
        assertThatThrownBy(() -> new CompatibilityIssue(IssueCode.TEXT_TOO_LONG, "t", "c", "m", -2, List.of(), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
    }

    @Test
    void rejectsAMissingCodeMessageSuggestionOrExampleList() {
        assertThatThrownBy(() -> CompatibilityIssue.schema(null, "t", null, "m", "s"))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
        assertThatThrownBy(() -> CompatibilityIssue.schema(IssueCode.TYPE_LOSSY, "t", null, null, "s"))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
        assertThatThrownBy(() -> CompatibilityIssue.schema(IssueCode.TYPE_LOSSY, "t", null, "m", null))
                .isInstanceOf(NullPointerException.class).hasMessage("suggestion");
        assertThatThrownBy(() -> new CompatibilityIssue(IssueCode.TYPE_LOSSY, "t", null, "m", 1, null, "s"))
                .isInstanceOf(NullPointerException.class).hasMessage("examples");
    }
}
