package io.dbferry.transfer.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SQLite writer in a process of its own: SQLite answers a writer in the same process from its own lock table,
 * so only another process sees the file locks (POSIX advisory locks) a test means to check.
 */
public final class SqliteWriterProcess {

    /** The exit status when SQLite refused the write because the database is locked. */
    public static final int LOCKED = 3;

    private SqliteWriterProcess() {}

    /**
     * Runs one statement on a SQLite file from a new JVM, without waiting for locks ({@code busy_timeout} 0).
     *
     * @param file the SQLite file, never null
     * @param sql the statement, never null
     * @return 0 when it ran, {@link #LOCKED} when the database was locked, another status for another failure
     * @throws Exception when the process cannot be started or does not end within 60 s
     */
    public static int run(Path file, String sql) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SqliteWriterProcess.class.getName(), file.toString(), sql))
                .inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the writer process did not end within 60 s");
        }
        return process.exitValue();
    }

    /**
     * The process: runs {@code args[1]} on the file {@code args[0]}.
     *
     * @param args the file and the statement
     */
    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute(args[1]);
        } catch (SQLException e) {
            System.exit(e.getMessage().contains("locked") || e.getMessage().contains("BUSY") ? LOCKED : 1);
        }
    }
}
