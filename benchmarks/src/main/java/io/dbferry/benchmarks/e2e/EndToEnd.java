package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.BenchmarkException;
import io.dbferry.benchmarks.dataset.BenchmarkSchema;
import io.dbferry.benchmarks.dataset.DatasetGenerator;
import io.dbferry.benchmarks.e2e.CsvExport.CsvPart;
import io.dbferry.transfer.connect.SqliteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The end-to-end benchmark of issue 4, in one run: per dataset size, generate (or reuse) the dataset, then
 * repeat {@code dbferry migrate}, pgloader and the floor, each into a fresh database that is dropped
 * afterwards, checking the row counts each left; print a markdown table per size and, for two sizes or more,
 * the linearity between the smallest and the largest. Progress goes to stderr, the tables to stdout.
 *
 * <p>Run it with {@code benchmarks/run-e2e.sh}; {@link EndToEndOptions#USAGE} lists the options.
 */
public final class EndToEnd {

    /**
     * pgloader reads an INTEGER in a DATETIME column as a year ({@code 1546804893-01-01}), so without this
     * rule every orders row is refused and pgloader still exits 0. With it, pgloader loads what dbferry does.
     */
    static final String PGLOADER_EPOCH_CAST =
            "column orders.updated_at to timestamptz using unix-timestamp-to-timestamptz";

    private static final String DBFERRY = "dbferry migrate";
    /** Below this busy fraction of all CPUs, before a run, the machine counts as quiet. */
    private static final double QUIET = 0.15;

    private final EndToEndOptions options;
    private final Optional<Path> pgloader;
    private int runsStarted;
    private int runsStartedBusy;

    private EndToEnd(EndToEndOptions options, Optional<Path> pgloader) {
        this.options = options;
        this.pgloader = pgloader;
    }

    /**
     * Runs the benchmark; exits 2 on a usage error and 1 when a run fails.
     *
     * @param args the options of {@link EndToEndOptions#USAGE}
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(EndToEndOptions.USAGE);
            return;
        }
        try {
            Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
            EndToEndOptions options = EndToEndOptions.parse(args, java, System.getenv("PGPASSWORD"));
            new EndToEnd(options, Machine.findOnPath("pgloader")).run();
        } catch (IllegalArgumentException e) {
            System.err.println("e2e: " + e.getMessage());
            System.exit(2);
        } catch (BenchmarkException | UncheckedIOException e) {
            System.err.println("e2e: error: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        System.out.println(Machine.describe(options, pgloader));
        Map<Long, Map<String, Series>> results = new LinkedHashMap<>();
        for (long rows : options.rows()) {
            runsStarted = 0;
            runsStartedBusy = 0;
            Map<String, Series> series = runSize(rows);
            results.put(rows, series);
            System.out.printf(Locale.ROOT, "%n### %,d rows (%,d customers, %,d orders), %d %s%n%n", rows,
                    BenchmarkSchema.customerRows(rows), BenchmarkSchema.orderRows(rows), options.repeats(),
                    options.repeats() == 1 ? "repeat" : "repeats");
            System.out.print(ResultTable.forSize(rows, List.copyOf(series.values())));
            System.out.println(quietNote());
        }
        if (results.size() > 1) {
            long small = options.rows().stream().min(Long::compare).orElseThrow();
            long large = options.rows().stream().max(Long::compare).orElseThrow();
            System.out.printf("%n### Linearity%n%n");
            System.out.print(ResultTable.linearity(small, results.get(small), large, results.get(large)));
        }
    }

    private Map<String, Series> runSize(long rows) {
        Path dataset = dataset(rows);
        List<CsvPart> csv = options.tools().contains(Tool.FLOOR) ? csv(dataset, rows) : List.of();
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        for (int repeat = 1; repeat <= options.repeats(); repeat++) {
            String run = String.format(Locale.ROOT, "%d-%d", rows, repeat);
            if (options.tools().contains(Tool.DBFERRY)) {
                record(runs, rows, repeat, DBFERRY, inFreshDatabase("dbferry", rows, db -> dbferry(dataset, db, run)));
            }
            if (options.tools().contains(Tool.PGLOADER) && pgloader.isPresent()) {
                record(runs, rows, repeat, ResultTable.PGLOADER,
                        inFreshDatabase("pgloader", rows, db -> pgloader(pgloader.get(), dataset, db, run)));
            }
            if (options.tools().contains(Tool.FLOOR)) {
                floor(new FloorLoad(options.server(), csv), runs, rows, repeat);
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        runs.forEach((name, measurements) -> series.put(name, new Series(name, measurements)));
        return series;
    }

    private Measurement dbferry(Path dataset, String database, String run) {
        List<String> command = new ArrayList<>(List.of(options.java().toString(), "-Xmx" + options.xmx(), "-jar",
                options.dbferryJar().toString(), "migrate", dataset.toString(), options.server().url(database)));
        command.addAll(options.dbferryArgs());
        return TimedCommand.run(command, log("dbferry", run));
    }

    private Measurement pgloader(Path program, Path dataset, String database, String run) {
        return TimedCommand.run(List.of(program.toString(), "--cast", PGLOADER_EPOCH_CAST,
                "sqlite://" + dataset.toAbsolutePath(), options.server().url(database)), log("pgloader", run));
    }

    /**
     * The floor: with more than one connection, first a load on one connection alone; then the load on every
     * connection followed by the keys, whose sum is the floor.
     */
    private void floor(FloorLoad floor, Map<String, List<Measurement>> runs, long rows, int repeat) {
        int connections = options.floorConnections();
        if (connections > 1) {
            record(runs, rows, repeat, "floor: COPY, 1 connection",
                    inFreshDatabase("floor1", rows, db -> floor.copy(db, 1)));
        }
        List<Measurement> loadThenKeys = inFreshDatabase("floor", rows,
                db -> List.of(floor.copy(db, connections), floor.buildKeys(db)));
        record(runs, rows, repeat, "floor: COPY, " + connections + (connections == 1 ? " connection" : " connections"),
                loadThenKeys.get(0));
        record(runs, rows, repeat, "floor: keys, indexes, FK", loadThenKeys.get(1));
        record(runs, rows, repeat, ResultTable.FLOOR, loadThenKeys.get(0).then(loadThenKeys.get(1)));
    }

    /**
     * Checkpoints, creates an empty database, runs the work in it, checks that both tables hold every row,
     * and drops the database.
     */
    private <T> T inFreshDatabase(String tool, long rows, Function<String, T> work) {
        String database = "dbferry_bench_" + tool;
        PostgresServer server = options.server();
        server.checkpoint();
        server.recreateDatabase(database);
        try {
            awaitQuietMachine(rows);
            T measured = work.apply(database);
            expectRows(database, tool, BenchmarkSchema.CUSTOMERS, BenchmarkSchema.customerRows(rows));
            expectRows(database, tool, BenchmarkSchema.ORDERS, BenchmarkSchema.orderRows(rows));
            return measured;
        } finally {
            server.dropDatabase(database);
        }
    }

    private void awaitQuietMachine(long rows) {
        runsStarted++;
        boolean quiet = CpuLoad.awaitQuiet(QUIET, options.quietWaitSeconds(),
                line -> System.err.printf(Locale.ROOT, "[%,d rows] %s%n", rows, line));
        if (!quiet) {
            runsStartedBusy++;
        }
    }

    private String quietNote() {
        if (options.quietWaitSeconds() == 0) {
            return String.format(Locale.ROOT, "%n_The CPUs' load before each run was not checked (--quiet-wait 0)._");
        }
        return runsStartedBusy == 0
                ? String.format(Locale.ROOT, "%n_All %d runs started with the CPUs less than %.0f %% busy with other"
                        + " work (checked before each run, not during it)._", runsStarted, QUIET * 100)
                : String.format(Locale.ROOT, "%n_%d of %d runs started while other work kept the CPUs ≥ %.0f %% busy"
                        + " for %d s: their times are suspect._", runsStartedBusy, runsStarted, QUIET * 100,
                        options.quietWaitSeconds());
    }

    private void expectRows(String database, String tool, String table, long expected) {
        long found = options.server().countRows(database, table);
        if (found != expected) {
            throw new BenchmarkException(String.format(Locale.ROOT, "%s left %,d rows in %s, expected %,d: see"
                    + " its log in %s", tool, found, table, expected, options.workDir().resolve("logs")));
        }
    }

    private static void record(Map<String, List<Measurement>> runs, long rows, int repeat, String name,
            Measurement measurement) {
        runs.computeIfAbsent(name, n -> new ArrayList<>()).add(measurement);
        System.err.printf(Locale.ROOT, "[%,d rows, run %d] %-30s %7.2f s%s%n", rows, repeat, name,
                measurement.wallSeconds(), !measurement.hasClient() ? "" : String.format(Locale.ROOT,
                        "  %.2f s CPU, %,d MB peak RSS", measurement.cpuSeconds(), measurement.peakRssBytes() >> 20));
    }

    /** The dataset of this size and seed, generated unless a previous run left it. */
    private Path dataset(long rows) {
        Path file = options.workDir().resolve("dataset-" + rows + "-seed" + options.seed() + ".sqlite")
                .toAbsolutePath();
        if (Files.exists(file)) {
            System.err.printf(Locale.ROOT, "[%,d rows] reusing %s%n", rows, file);
            return file;
        }
        System.err.printf(Locale.ROOT, "[%,d rows] generating %s%n", rows, file);
        createDirectories(file.getParent());
        DatasetGenerator.generate(file, rows, options.seed());
        return file;
    }

    private List<CsvPart> csv(Path dataset, long rows) {
        Path directory = options.workDir().resolve("csv-" + rows + "-seed" + options.seed()).toAbsolutePath();
        System.err.printf(Locale.ROOT, "[%,d rows] CSV export for the floor in %s%n", rows, directory);
        try (Connection source = SqliteSource.openReadOnly(dataset)) {
            return CsvExport.export(source, directory, options.floorConnections());
        } catch (SQLException e) {
            throw new BenchmarkException("failed closing " + dataset + ": " + e.getMessage(), e);
        }
    }

    private Path log(String tool, String run) {
        return options.workDir().resolve("logs").resolve(tool + "-" + run + ".log");
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
