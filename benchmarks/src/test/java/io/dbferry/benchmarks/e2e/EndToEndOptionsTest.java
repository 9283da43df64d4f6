package io.dbferry.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end benchmark's command line and its defaults. */
class EndToEndOptionsTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");

    @Test
    void defaultsToTheReferenceRun() {
        EndToEndOptions options = EndToEndOptions.parse(new String[0], JAVA, null);

        assertThat(options.rows()).containsExactly(2_100_000L);
        assertThat(options.repeats()).isEqualTo(3);
        assertThat(options.tools()).isEqualTo(EnumSet.allOf(Tool.class));
        assertThat(options.xmx()).isEqualTo("256m");
        assertThat(options.java()).isEqualTo(JAVA);
        assertThat(options.dbferryJar()).isEqualTo(Path.of("cli/target/dbferry.jar"));
        assertThat(options.floorConnections()).isEqualTo(2);
        assertThat(options.quietWaitSeconds()).isEqualTo(180);
        assertThat(options.server()).isEqualTo(new PostgresServer("127.0.0.1", 5432, "postgres", null));
        assertThat(options.server().url("b")).isEqualTo("postgresql://postgres@127.0.0.1:5432/b");
    }

    @Test
    void readsSizeListsToolsAndRepeatedDbferryArguments() {
        EndToEndOptions options = EndToEndOptions.parse(new String[] {"--rows", "525_000,2100000", "--tools",
            "dbferry,floor", "--dbferry-arg", "--workers", "--dbferry-arg", "2", "--repeats", "5"}, JAVA, "pw");

        assertThat(options.rows()).containsExactly(525_000L, 2_100_000L);
        assertThat(options.tools()).containsExactlyInAnyOrder(Tool.DBFERRY, Tool.FLOOR);
        assertThat(options.dbferryArgs()).isEqualTo(List.of("--workers", "2"));
        assertThat(options.repeats()).isEqualTo(5);
        assertThat(options.server().password()).isEqualTo("pw");
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> parse("--repeats", "0")).hasMessage("--repeats must be ≥ 1, was 0");
        assertThatThrownBy(() -> parse("--rows", "1")).hasMessage("--rows must be ≥ 2, was 1");
        assertThatThrownBy(() -> parse("--tools", "pgdump"))
                .hasMessage("--tools: unknown tool 'pgdump' (known: dbferry, pgloader, floor)");
        assertThatThrownBy(() -> parse("--rows")).hasMessageStartingWith("--rows needs a value");
        assertThatThrownBy(() -> parse("--fast", "yes")).hasMessageStartingWith("unknown option --fast");
    }

    private static EndToEndOptions parse(String... args) {
        return EndToEndOptions.parse(args, JAVA, null);
    }
}
