package io.dbferry.transfer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample databases in the repository's {@code samples/} directory. Tests run with the module directory
 * as working directory, so {@code ../samples/} is looked in first, then {@code samples/}.
 */
public final class Samples {

    private static final List<Path> DIRECTORIES = List.of(Path.of("..", "samples"), Path.of("samples"));

    private Samples() {
    }

    /**
     * The Chinook sample database (SQLite, 11 tables). Open it read-only: it is shared by every test.
     *
     * @return an existing file, never null
     * @throws IllegalStateException when the file is in neither directory
     */
    public static Path chinook() {
        return find("chinook.sqlite");
    }

    /**
     * The Chinook sample as a PostgreSQL script (lower-case snake_case names, 11 tables), without its leading
     * {@code DROP DATABASE}, {@code CREATE DATABASE} and {@code \\c}: the statements that create and fill the tables,
     * to run in a test's own database.
     *
     * @return the SQL, never null
     * @throws java.io.IOException when the file cannot be read
     */
    public static String chinookPostgresSql() throws java.io.IOException {
        String script = java.nio.file.Files.readString(find("chinook-postgresql.sql"));
        String connect = "\\c chinook;";
        return script.substring(script.indexOf(connect) + connect.length());
    }

    private static Path find(String fileName) {
        for (Path directory : DIRECTORIES) {
            Path candidate = directory.resolve(fileName).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample database " + fileName + " not found in "
                + DIRECTORIES.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList()
                + "; run the tests from the repository root or a module directory");
    }
}
