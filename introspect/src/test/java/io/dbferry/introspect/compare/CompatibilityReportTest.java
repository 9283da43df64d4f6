package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report: issues in report order (schema-wide first, then by table; errors, warnings, infos; then code and
 * column), the counts and the verdict line.
 */
class CompatibilityReportTest {

    private static CompatibilityIssue issue(IssueCode code, String table, String column) {
        return CompatibilityIssue.schema(code, table, column, code + " on " + table + "." + column, "s");
    }

    private static CompatibilityReport report(CompatibilityIssue... issues) {
        return new CompatibilityReport("chinook.sqlite", "postgresql://localhost/app", 11, 0, 0, true,
                Arrays.asList(issues));
    }

    @Test
    void putsSchemaWideIssuesBeforeAnyTable() {
        CompatibilityIssue album = issue(IssueCode.TYPE_INCOMPATIBLE, "Album", "Title");
        CompatibilityIssue schemaWide = issue(IssueCode.TABLE_NOT_IN_SOURCE, null, null);

        assertThat(report(album, schemaWide).issues()).containsExactly(schemaWide, album);
    }

    @Test
    void ordersTablesByName() {
        CompatibilityIssue track = issue(IssueCode.TYPE_WIDENED, "Track", "Name");
        CompatibilityIssue album = issue(IssueCode.TYPE_WIDENED, "Album", "Title");
        CompatibilityIssue artist = issue(IssueCode.TYPE_WIDENED, "Artist", "Name");

        assertThat(report(track, album, artist).issues()).containsExactly(album, artist, track);
    }

    @Test
    void ordersErrorsBeforeWarningsBeforeInfosWithinATable() {
        CompatibilityIssue info = issue(IssueCode.TYPE_WIDENED, "t", "a");
        CompatibilityIssue warning = issue(IssueCode.TYPE_LOSSY, "t", "b");
        CompatibilityIssue error = issue(IssueCode.TYPE_INCOMPATIBLE, "t", "c");

        assertThat(report(info, warning, error).issues()).containsExactly(error, warning, info);
    }

    @Test
    void ordersIssuesOfOneSeverityByCode() {
        // Both ERRORs; COLUMN_MISSING_IN_TARGET comes first by declaration and by name.
        CompatibilityIssue incompatible = issue(IssueCode.TYPE_INCOMPATIBLE, "t", "a");
        CompatibilityIssue missing = issue(IssueCode.COLUMN_MISSING_IN_TARGET, "t", "b");

        assertThat(report(incompatible, missing).issues()).containsExactly(missing, incompatible);
    }

    @Test
    void ordersIssuesOfOneCodeByColumnWithTheTableItselfFirst() {
        CompatibilityIssue b = issue(IssueCode.RESERVED_WORD, "t", "b");
        CompatibilityIssue a = issue(IssueCode.RESERVED_WORD, "t", "a");
        CompatibilityIssue table = issue(IssueCode.RESERVED_WORD, "t", null);

        assertThat(report(b, a, table).issues()).containsExactly(table, a, b);
    }

    @Test
    void countsIssuesBySeverity() {
        CompatibilityReport report = report(issue(IssueCode.TYPE_INCOMPATIBLE, "t", "a"),
                issue(IssueCode.TYPE_LOSSY, "t", "b"), issue(IssueCode.NULLABILITY_DIFFERS, "t", "c"),
                issue(IssueCode.TABLE_TO_BE_CREATED, "u", null));

        assertThat(report.count(Severity.ERROR)).isEqualTo(1);
        assertThat(report.count(Severity.WARNING)).isEqualTo(2);
        assertThat(report.count(Severity.INFO)).isEqualTo(1);
    }

    @Test
    void saysNotReadyWhenThereIsAnErrorWithSingularAndPluralCounts() {
        CompatibilityReport report = report(issue(IssueCode.TYPE_INCOMPATIBLE, "t", "a"),
                issue(IssueCode.TYPE_WIDENED, "t", "b"), issue(IssueCode.TYPE_WIDENED, "t", "c"));

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.verdict())
                .isEqualTo("NOT READY: the move would fail or lose data (1 error, 0 warnings, 2 infos)");
    }

    @Test
    void saysReadyWhenThereAreOnlyWarningsAndInfos() {
        CompatibilityReport report = report(issue(IssueCode.TYPE_LOSSY, "t", "a"),
                issue(IssueCode.TABLE_TO_BE_CREATED, "u", null));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.verdict()).isEqualTo("READY: nothing would fail or be lost (0 errors, 1 warning, 1 info)");
    }

    @Test
    void saysTheRowsWereNotCheckedWhenReadyWithoutADataProfile() {
        CompatibilityReport report = new CompatibilityReport("s", "t", 1, 0, 0, false,
                List.of(issue(IssueCode.TABLE_TO_BE_CREATED, "u", null)));

        assertThat(report.verdict()).isEqualTo("READY AS FAR AS THE SCHEMA GOES: the rows were not checked "
                + "(--no-data) (0 errors, 0 warnings, 1 info)");
    }

    @Test
    void saysReadyForAnEmptyReport() {
        CompatibilityReport report = report();

        assertThat(report.issues()).isEmpty();
        assertThat(report.verdict()).isEqualTo("READY: nothing would fail or be lost (0 errors, 0 warnings, 0 infos)");
    }

    @Test
    void keepsAnUnmodifiableSortedCopyOfTheIssues() {
        List<CompatibilityIssue> issues = new ArrayList<>(List.of(issue(IssueCode.TYPE_LOSSY, "t", "a")));
        CompatibilityReport report = new CompatibilityReport("s", "t", 1, 0, 0, false, issues);

        issues.clear();

        assertThat(report.issues()).hasSize(1);
        assertThatThrownBy(() -> report.issues().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new CompatibilityReport("s", "t", -1, 0, 0, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompatibilityReport("s", "t", 0, -1, 0, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompatibilityReport("s", "t", 0, 0, -1, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMissingSourceTargetOrIssueList() {
        assertThatThrownBy(() -> new CompatibilityReport(null, "t", 0, 0, 0, false, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> new CompatibilityReport("s", null, 0, 0, 0, false, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("target");
        assertThatThrownBy(() -> new CompatibilityReport("s", "t", 0, 0, 0, false, null))
                .isInstanceOf(NullPointerException.class).hasMessage("issues");
    }
}
