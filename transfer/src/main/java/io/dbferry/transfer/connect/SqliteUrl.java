package io.dbferry.transfer.connect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An SQLite database file.
 *
 * @param path the database file, never null; not checked for existence here (see {@link SqliteSource})
 */
public record SqliteUrl(Path path) implements DatabaseUrl {

    /** Validates the path. */
    public SqliteUrl {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Returns {@code sqlite:PATH}; SQLite files have no password.
     *
     * @return never null
     */
    @Override
    public String redacted() {
        return "sqlite:" + path;
    }
}
