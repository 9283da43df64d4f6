package io.dbferry.benchmarks.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The generator's command line: {@code --rows N [--seed S] --out FILE}.
 *
 * @param rows rows of both tables together, ≥ {@value BenchmarkSchema#MIN_ROWS}
 * @param seed the random seed (default {@value DatasetGenerator#DEFAULT_SEED})
 * @param out the SQLite file to write, never null
 */
record GeneratorArguments(long rows, long seed, Path out) {

    GeneratorArguments {
        Objects.requireNonNull(out, "out");
        BenchmarkSchema.customerRows(rows);
    }

    /**
     * Parses the arguments.
     *
     * @param args never null
     * @return never null
     * @throws IllegalArgumentException naming the option that is missing, unknown or invalid
     */
    static GeneratorArguments parse(String[] args) {
        Long rows = null;
        long seed = DatasetGenerator.DEFAULT_SEED;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value (usage: --rows N [--seed S] --out FILE)");
            }
            switch (option) {
                case "--rows" -> rows = number(option, value);
                case "--seed" -> seed = number(option, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + " (usage: --rows N [--seed S] --out FILE)");
            }
        }
        if (rows == null || out == null) {
            throw new IllegalArgumentException("--rows and --out are required (usage: --rows N [--seed S] --out FILE)");
        }
        return new GeneratorArguments(rows, seed, out);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'", e);
        }
    }
}
