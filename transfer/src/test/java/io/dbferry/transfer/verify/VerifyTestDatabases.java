package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.Migration;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.testing.SqliteFile;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The two databases of a verify test: a SQLite file (created by the first statement run on it) and a fresh
 * PostgreSQL database; statements on either, a real migration from one to the other, and a verification of
 * it. Close it after the test.
 */
final class VerifyTestDatabases implements AutoCloseable {

    private final Path sqlite;
    private final TestDatabase target = TestPostgres.freshDatabase();

    /** @param sqlite the SQLite file, in the test's directory */
    VerifyTestDatabases(Path sqlite) {
        this.sqlite = sqlite;
    }

    /** Runs statements on the SQLite file. */
    void source(String... statements) throws Exception {
        SqliteFile.run(sqlite, statements);
    }

    /** The first column of the first row of a query on the SQLite file, as text. */
    String sourceValue(String query) throws Exception {
        return SqliteFile.value(sqlite, query);
    }

    /** Runs statements on the target. */
    void target(String... statements) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    /** A new connection to the target; the caller closes it. */
    Connection connectTarget() throws Exception {
        return target.connect();
    }

    /** Migrates the SQLite file into the target. */
    void migrate(MigrationOptions options) throws Exception {
        try (PostgresTarget pool = PostgresTarget.connect(target.url(), Migration.targetConnections(options))) {
            new Migration(sqlite, pool.dataSource(), options, MigrationListener.NONE).run();
        }
    }

    /** Verifies the tables the migration options select, with the verify options' workers per side. */
    VerificationReport verify(VerifyOptions verifyOptions, MigrationOptions options) throws Exception {
        return verify(verifyOptions, options, VerifyProgress.NONE);
    }

    /** Verifies as {@link #verify(VerifyOptions, MigrationOptions)}, telling {@code progress} of each chunk. */
    VerificationReport verify(VerifyOptions verifyOptions, MigrationOptions options, VerifyProgress progress)
            throws Exception {
        try (Connection source = SqliteSource.openReadOnly(sqlite); Connection connection = target.connect()) {
            SchemaMapping mapping = SourceMapping.read(source, options);
            return new Verifier(source, connection, verifyOptions, () -> SqliteSource.openReadOnly(sqlite),
                    target::connect).verify(mapping.tables(), table -> { }, progress);
        }
    }

    /**
     * The binary digests ({@link TableRows#binaryDigest}) of a table's rows in a key range, source and target,
     * as the default migration options map the table.
     *
     * @param sourceTable the SQLite table's name
     * @param range the key range, {@link KeyRange#ALL} for every row
     */
    BothSides.Both<ChunkDigest, ChunkDigest> binaryDigests(String sourceTable, KeyRange range) throws Exception {
        try (Connection source = SqliteSource.openReadOnly(sqlite); Connection connection = target.connect()) {
            MappedTable table = SourceMapping.read(source, MigrationOptions.builder().build()).tables().stream()
                    .filter(t -> t.source().id().name().equals(sourceTable)).findFirst().orElseThrow();
            KeyColumns key = KeyColumns.of(table).orElse(null);
            return new BothSides.Both<>(new SqliteRows(source, table, key).binaryDigest(range),
                    new PostgresRows(connection, table, key).binaryDigest(range));
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
