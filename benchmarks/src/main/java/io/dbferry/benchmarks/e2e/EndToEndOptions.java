package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.dataset.BenchmarkSchema;
import io.dbferry.benchmarks.dataset.DatasetGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The end-to-end benchmark's command line; {@link #USAGE} lists every option with its default.
 *
 * @param rows the dataset sizes to run, in rows of both tables together; never null, not empty
 * @param seed the dataset seed
 * @param repeats runs of each tool per dataset size, ≥ 1
 * @param tools what to measure, never null, not empty
 * @param workDir where datasets, CSV exports and logs go, never null
 * @param dbferryJar the dbferry command-line jar, never null
 * @param java the {@code java} launcher that runs dbferry, never null
 * @param xmx dbferry's maximum heap, as {@code -Xmx} takes it (e.g. {@code 256m}), never null
 * @param dbferryArgs more arguments for {@code dbferry migrate}, never null, possibly empty
 * @param floorConnections connections for the floor's parallel COPY, ≥ 1
 * @param quietWaitSeconds how long to wait at most, before each run, for other work to leave the CPUs
 *     quiet; ≥ 0, 0 for not at all
 * @param server the PostgreSQL server, never null
 */
record EndToEndOptions(List<Long> rows, long seed, int repeats, Set<Tool> tools, Path workDir, Path dbferryJar,
        Path java, String xmx, List<String> dbferryArgs, int floorConnections, long quietWaitSeconds,
        PostgresServer server) {

    static final String USAGE = """
            usage: benchmarks/run-e2e.sh [options]
              --rows N[,N…]            dataset sizes, rows of both tables (default: 2100000)
              --seed S                 dataset seed (default: 42)
              --repeats N              runs of each tool per size (default: 3)
              --tools a,b              any of dbferry, pgloader, floor (default: all three)
              --work-dir DIR           datasets, CSV and logs (default: benchmarks/target/e2e)
              --dbferry-jar FILE       (default: cli/target/dbferry.jar)
              --java FILE              java that runs dbferry (default: the one running this benchmark)
              --xmx SIZE               dbferry's -Xmx (default: 256m)
              --dbferry-arg ARG        one more argument for dbferry migrate, repeatable (default: none)
              --floor-connections N    connections of the floor's parallel COPY (default: 2)
              --quiet-wait SECONDS     before each run, wait up to this long for the CPUs to be less than
                                       15 % busy with other work; 0: don't (default: 180)
              --pg-host H --pg-port P --pg-user U   the server (default: 127.0.0.1, 5432, postgres);
                                       a password comes from PGPASSWORD""";

    EndToEndOptions {
        rows = List.copyOf(rows);
        tools = Set.copyOf(tools);
        dbferryArgs = List.copyOf(dbferryArgs);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(dbferryJar, "dbferryJar");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(xmx, "xmx");
        Objects.requireNonNull(server, "server");
        if (rows.isEmpty() || tools.isEmpty()) {
            throw new IllegalArgumentException("--rows and --tools need at least one value");
        }
        rows.forEach(BenchmarkSchema::customerRows);
        atLeastOne("--repeats", repeats);
        atLeastOne("--floor-connections", floorConnections);
        if (quietWaitSeconds < 0) {
            throw new IllegalArgumentException("--quiet-wait must be ≥ 0, was " + quietWaitSeconds);
        }
    }

    /**
     * Parses the command line.
     *
     * @param args never null
     * @param defaultJava the launcher to use without {@code --java}, never null
     * @param password the server password, or null
     * @return never null
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or is invalid
     */
    static EndToEndOptions parse(String[] args, Path defaultJava, String password) {
        Parsed parsed = new Parsed(defaultJava);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            parsed.set(args[i], args[i + 1]);
        }
        return new EndToEndOptions(parsed.rows, parsed.seed, parsed.repeats, parsed.tools, parsed.workDir,
                parsed.dbferryJar, parsed.java, parsed.xmx, parsed.dbferryArgs, parsed.floorConnections,
                parsed.quietWaitSeconds, new PostgresServer(parsed.host, parsed.port, parsed.user, password));
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be ≥ 1, was " + value);
        }
    }

    /** The options as they are read, with their defaults. */
    private static final class Parsed {
        List<Long> rows = List.of(2_100_000L);
        long seed = DatasetGenerator.DEFAULT_SEED;
        int repeats = 3;
        Set<Tool> tools = EnumSet.allOf(Tool.class);
        Path workDir = Path.of("benchmarks", "target", "e2e");
        Path dbferryJar = Path.of("cli", "target", "dbferry.jar");
        Path java;
        String xmx = "256m";
        final List<String> dbferryArgs = new ArrayList<>();
        int floorConnections = 2;
        long quietWaitSeconds = 180;
        String host = "127.0.0.1";
        int port = 5432;
        String user = "postgres";

        Parsed(Path java) {
            this.java = java;
        }

        void set(String option, String value) {
            switch (option) {
                case "--rows" -> rows = Arrays.stream(value.split(",")).map(v -> number(option, v)).toList();
                case "--seed" -> seed = number(option, value);
                case "--repeats" -> repeats = (int) number(option, value);
                case "--tools" -> tools = tools(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--dbferry-jar" -> dbferryJar = Path.of(value);
                case "--java" -> java = Path.of(value);
                case "--xmx" -> xmx = value;
                case "--dbferry-arg" -> dbferryArgs.add(value);
                case "--floor-connections" -> floorConnections = (int) number(option, value);
                case "--quiet-wait" -> quietWaitSeconds = number(option, value);
                case "--pg-host" -> host = value;
                case "--pg-port" -> port = (int) number(option, value);
                case "--pg-user" -> user = value;
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }

        private static Set<Tool> tools(String value) {
            Set<Tool> tools = EnumSet.noneOf(Tool.class);
            for (String name : value.split(",")) {
                tools.add(Tool.fromOptionName(name));
            }
            return tools;
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'", e);
            }
        }
    }
}
