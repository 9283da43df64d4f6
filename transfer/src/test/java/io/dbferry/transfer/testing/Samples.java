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
