package io.dbferry.benchmarks.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generator's command line. */
class GeneratorArgumentsTest {

    @Test
    void readsRowsSeedAndOut() {
        assertThat(GeneratorArguments.parse(new String[] {"--rows", "2_100_000", "--seed", "9", "--out", "d.db"}))
                .isEqualTo(new GeneratorArguments(2_100_000, 9, Path.of("d.db")));
    }

    @Test
    void seedDefaultsTo42() {
        assertThat(GeneratorArguments.parse(new String[] {"--out", "d.db", "--rows", "10"}).seed()).isEqualTo(42);
    }

    @Test
    void namesTheMissingOrInvalidOption() {
        assertThatThrownBy(() -> GeneratorArguments.parse(new String[] {"--rows", "10"}))
                .hasMessageStartingWith("--rows and --out are required");
        assertThatThrownBy(() -> GeneratorArguments.parse(new String[] {"--rows", "ten", "--out", "d.db"}))
                .hasMessage("--rows must be a whole number, was 'ten'");
        assertThatThrownBy(() -> GeneratorArguments.parse(new String[] {"--rows"}))
                .hasMessageStartingWith("--rows needs a value");
        assertThatThrownBy(() -> GeneratorArguments.parse(new String[] {"--size", "1"}))
                .hasMessageStartingWith("unknown option --size");
    }
}
