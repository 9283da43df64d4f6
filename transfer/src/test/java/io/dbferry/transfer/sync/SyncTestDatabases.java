package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.testing.SqliteFile;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

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
        SqliteFile.run(sqlite, statements);
    }

    /** The first column of the first row of a query on the SQLite file, as text. */
    String sourceValue(String query) throws Exception {
        return SqliteFile.value(sqlite, query);
    }

    /** The first column of the first row of a query on the target, as text. */
    String targetValue(String query) throws Exception {
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Asserts every row of every table the options sync is equal on both sides, compared by checksum as
     * {@code dbferry verify --mode checksum} does.
     */
    void assertTargetEqualsSource(SyncOptions options) throws Exception {
        try (Connection source = SqliteSource.openReadOnly(sqlite); Connection connection = target.connect()) {
            SchemaMapping mapping = SourceMapping.read(source, options.migration());
            VerificationReport report = new Verifier(source, connection, VerifyOptions.of(VerifyMode.CHECKSUM, 20))
                    .verify(mapping.tables(), t -> { });
            assertThat(report.differing()).isEmpty();
        }
    }

    @Override
    public void close() {
        pool.close();
        target.close();
    }
}
