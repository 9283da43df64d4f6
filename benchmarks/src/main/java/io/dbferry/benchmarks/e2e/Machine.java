package io.dbferry.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the results depend on, printed above them: cores, memory, the JDK, PostgreSQL and pgloader. */
final class Machine {

    /** The settings that decide COPY and index-build speed (PostgreSQL docs §20.4, §20.5). */
    private static final List<String> SETTINGS = List.of("shared_buffers", "max_wal_size", "wal_level",
            "synchronous_commit", "fsync", "maintenance_work_mem", "max_parallel_maintenance_workers");

    private Machine() {}

    /**
     * An executable of this name in a directory of the {@code PATH}.
     *
     * @param program e.g. {@code pgloader}
     * @return the first found, or empty
     */
    static Optional<Path> findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * A markdown list describing the machine and the tools.
     *
     * @param options the run's options, never null
     * @param pgloader pgloader, if installed
     * @return never null
     */
    static String describe(EndToEndOptions options, Optional<Path> pgloader) {
        return String.format(Locale.ROOT, """
                ## dbferry end-to-end benchmark

                - machine: %d cores (%s), %s memory
                - dbferry: %s -Xmx%s -jar %s migrate …%s
                - java: %s
                - PostgreSQL: %s
                - server settings: %s
                - pgloader: %s
                """, Runtime.getRuntime().availableProcessors(), firstLine(cpuModel()), memTotal(),
                options.java(), options.xmx(), options.dbferryJar(),
                options.dbferryArgs().isEmpty() ? "" : " " + String.join(" ", options.dbferryArgs()),
                firstLine(output(options.java().toString(), "-version")), options.server().version(),
                options.server().settings(SETTINGS),
                pgloader.map(p -> firstLine(output(p.toString(), "--version")) + " (with --cast \""
                        + EndToEnd.PGLOADER_EPOCH_CAST + "\")")
                        .orElse("not installed (apt-get install pgloader): left out"));
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
    }

    private static String memTotal() {
        return procLine("/proc/meminfo", "MemTotal:").map(l -> l.replaceAll("\\D", ""))
                .map(kb -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / (1024.0 * 1024)))
                .orElse("unknown");
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A command's stdout and stderr together; "unknown" when it cannot run within 30 seconds. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) ? text : "unknown";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
