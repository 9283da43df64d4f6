package io.dbferry.benchmarks.e2e;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the end-to-end benchmark measures; {@code --tools} picks some. */
enum Tool {
    /** {@code java -Xmx… -jar cli/target/dbferry.jar migrate DATASET URL}. */
    DBFERRY,
    /** {@code pgloader SOURCE TARGET}, when pgloader is installed. */
    PGLOADER,
    /** Server-side COPY from CSV into bare tables, then the keys, indexes and foreign key. */
    FLOOR;

    /** The name used on the command line, e.g. {@code pgloader}. */
    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The tool with a command-line name.
     *
     * @param name e.g. {@code floor}
     * @return never null
     * @throws IllegalArgumentException naming the tools there are
     */
    static Tool fromOptionName(String name) {
        return Arrays.stream(values()).filter(t -> t.optionName().equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--tools: unknown tool '" + name + "' (known: "
                        + Arrays.stream(values()).map(Tool::optionName).collect(Collectors.joining(", ")) + ")"));
    }
}
