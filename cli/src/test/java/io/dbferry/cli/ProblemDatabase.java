package io.dbferry.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQLite database with one of each kind of problem {@code dbferry compare} reports, built row by row so
 * every expected count and example is known by construction (the comments say which rows are bad).
 */
final class ProblemDatabase {

    /** A 70-byte column name: PostgreSQL keeps its first 63 bytes. */
    static final String LONG_COLUMN = "a_very_long_column_name_that_postgresql_will_truncate_at_sixty_three_b";

    private ProblemDatabase() {}

    static Path create(Path dir) throws SQLException {
        Path file = dir.resolve("problems.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : SQL) {
                s.execute(sql);
            }
        }
        return file;
    }

    private static final String[] SQL = {
        // users: 6 rows; ids 2..6 each carry bad values, id 1 is clean. status's default has no PostgreSQL
        // translation (DEFAULT_NOT_CARRIED).
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(20) NOT NULL, is_admin BOOLEAN, age SMALLINT,"
                + " settings JSON, external_id UUID, score REAL, nickname TEXT, status TEXT DEFAULT (printf('%s', 'new')),"
                + " \"order\" INTEGER, " + LONG_COLUMN + " TEXT)",
        "INSERT INTO users (id, email, is_admin, age, settings, external_id, score, nickname) VALUES"
                + " (1, 'ann@example.com', 1, 30, '{\"theme\":\"dark\"}', '123e4567-e89b-12d3-a456-426614174000', 1.5, 'ann')",
        // id 2: text in a SMALLINT column (MIXED_STORAGE_CLASS, NOT_AN_INTEGER); email of 24 characters (TEXT_TOO_LONG).
        "INSERT INTO users (id, email, is_admin, age) VALUES (2, 'bob.longname@example.com', 0, 'forty')",
        // id 3: 70000 does not fit smallint (VALUE_OUT_OF_RANGE); 'maybe' is not a boolean (INVALID_BOOLEAN).
        "INSERT INTO users (id, email, is_admin, age) VALUES (3, 'cy@example.com', 'maybe', 70000)",
        // id 4: broken JSON (INVALID_JSON), not a UUID (INVALID_UUID), +Infinity in REAL (NAN_OR_INFINITY).
        "INSERT INTO users (id, email, settings, external_id, score) VALUES (4, 'di@example.com', '{\"a\":', 'not-a-uuid', 9e999)",
        // id 5: a NUL character in text (NUL_IN_TEXT).
        "INSERT INTO users (id, email, nickname) VALUES (5, 'ed@example.com', 'e' || char(0) || 'd')",
        // id 6: bytes that are not UTF-8 stored as TEXT (INVALID_UTF8).
        "INSERT INTO users (id, email, nickname) VALUES (6, 'fa@example.com', CAST(x'66ff6f' AS TEXT))",

        // events: a UNIQUE DATETIME whose values 1 and 2 become the same timestamp (DUPLICATE_KEY); value 3 is
        // epoch seconds among ISO text (EPOCH_ISO_MIXTURE); value 4 is not a time (INVALID_TIMESTAMP); value 5
        // has an offset a timestamp column drops (TIME_ZONE_DROPPED).
        "CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME UNIQUE)",
        "INSERT INTO events VALUES (1, '2024-01-01 10:00:00'), (2, '2024-01-01T10:00:00'), (3, 1704103200),"
                + " (4, 'yesterday'), (5, '2024-01-02T10:00:00+02:00')",

        // orders: user_id 999 and 998 have no user (ORPHAN_ROW, 2 rows).
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id))",
        "INSERT INTO orders VALUES (1, 1), (2, 999), (3, 998), (4, NULL)",

        // tags: SQLite allows NULL in a non-INTEGER primary key; PostgreSQL does not (NULL_IN_NOT_NULL, 1 row).
        "CREATE TABLE tags (name TEXT PRIMARY KEY, weight FLOATING POINT)",
        // weight is declared FLOATING POINT, which contains INT: bigint by affinity (AFFINITY_FALLBACK); 2.5 is
        // then not an integer (NOT_AN_INTEGER).
        "INSERT INTO tags VALUES ('red', 1), (NULL, 2), ('blue', 2.5)",
        // A partial index whose predicate has no PostgreSQL translation (SCHEMA_OBJECT_NOT_CARRIED).
        "CREATE INDEX tags_heavy ON tags (weight) WHERE typeof(weight) = 'real'",
    };
}
