package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.verify.TableVerification;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.VerifyMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link VerifyMarkdown}: the notes of a table reach the report whether or not the table differs. */
class VerifyMarkdownTest {

    @Test
    void showsTheNoteOfAnEqualTableComparedAsAMultisetAndSkipsEqualTablesWithout() {
        TableVerification multiset = table("events", TableVerification.Method.MULTISET,
                List.of("no primary key: compared as a multiset, so no row-level diff is possible"));
        TableVerification plain = table("users", TableVerification.Method.CHUNKS, List.of());

        String markdown = VerifyMarkdown.render("sqlite:a.db", "postgresql://db/app",
                new VerificationReport(VerifyMode.CHECKSUM, List.of(multiset, plain), 5));

        assertThat(markdown).contains("## `\"public\".\"events\"`")
                .contains("- Note: no primary key: compared as a multiset, so no row-level diff is possible")
                .doesNotContain("## `\"public\".\"users\"`");
    }

    private static TableVerification table(String name, TableVerification.Method method, List<String> notes) {
        return new TableVerification(new TableId("main", name), new TableId("public", name), method, 3, 3, 1, 0,
                TableVerification.Status.EQUAL, List.of(), false, notes);
    }
}
