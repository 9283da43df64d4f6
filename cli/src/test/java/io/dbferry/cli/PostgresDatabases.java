package io.dbferry.cli;

import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The fresh PostgreSQL databases one test creates, each optionally loaded with SQL; all dropped by {@link #close}. */
final class PostgresDatabases implements AutoCloseable {

    private final List<TestDatabase> databases = new ArrayList<>();

    /** A new, empty database. */
    TestDatabase fresh() {
        TestDatabase database = TestPostgres.freshDatabase();
        databases.add(database);
        return database;
    }

    /** A new database in which {@code sql} (one or more statements) has run. */
    TestDatabase with(String sql) throws SQLException {
        TestDatabase database = fresh();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return database;
    }

    /** A new database holding Chinook from samples/chinook-postgresql.sql (11 tables, 15,607 rows). */
    TestDatabase chinook() throws SQLException, IOException {
        return with(Samples.chinookPostgresSql());
    }

    /** Drops every database made here. */
    @Override
    public void close() {
        databases.forEach(TestDatabase::close);
    }
}
