package io.dbferry.transfer.sync;

import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The two databases of a sync test: a fresh PostgreSQL database with a pool of 8 connections, and a SQLite file
 * {@code source.db} in the test's directory (created by the first statement run on it). Close it after the test.
 */
final class SyncTestDatabases implements AutoCloseable {

    private final TestDatabase target;
    private final PostgresTarget pool;
    private final Path sqlite;

    SyncTestDatabases(Path dir) {
        this.target = TestPostgres.freshDatabase();
        this.pool = PostgresTarget.connect(target.url(), 8);
        this.sqlite = dir.resolve("source.db");
    }

    TestDatabase target() {
        return target;
    }

    PostgresTarget pool() {
        return pool;
    }

    Path sqlite() {
        return sqlite;
    }

    /** One sync of the SQLite file into the target. */
    SyncResult sync(SyncOptions options) {
        return new Sync(sqlite, pool.dataSource(), options).run();
    }

    /** Runs statements on the SQLite file, as the application writing to it would. */
    void source(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of the first row of a query on the SQLite file, as text. */
    String sourceValue(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The first column of the first row of a query on the target, as text. */
    String targetValue(String query) throws Exception {
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        pool.close();
        target.close();
    }
}
