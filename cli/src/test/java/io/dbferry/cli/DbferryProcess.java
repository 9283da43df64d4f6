package io.dbferry.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code dbferry} in a JVM of its own, on this test run's class path, for tests that need a real process:
 * one they signal (SIGTERM, SIGKILL) or whose every printed byte they read.
 */
final class DbferryProcess {

    private DbferryProcess() {}

    /**
     * Starts the CLI with {@code args}.
     *
     * @param out the file that receives standard output, never null
     * @param err the file that receives standard error, never null
     * @param args the command line after {@code dbferry}, e.g. {@code migrate a.db postgresql://…}
     * @return the running process, never null; the caller waits for it or ends it
     * @throws IOException when the JVM cannot be started
     */
    static Process start(Path out, Path err, List<String> args) throws IOException {
        return start(out, err, List.of(), args);
    }

    /**
     * Starts the CLI with {@code args} in a JVM started with {@code jvmOptions}.
     *
     * @param out the file that receives standard output, never null
     * @param err the file that receives standard error, never null
     * @param jvmOptions options before the main class, e.g. {@code -Dname=value}; never null
     * @param args the command line after {@code dbferry}, never null
     * @return the running process, never null; the caller waits for it or ends it
     * @throws IOException when the JVM cannot be started
     */
    static Process start(Path out, Path err, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DbferryCommand.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }
}
