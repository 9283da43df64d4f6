package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.Migration;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier} on a UTF-16 SQLite database: SQLite sorts its text keys by their UTF-16 bytes, so 'ā'
 * (U+0101, bytes 01 01 in UTF-16le) comes before 'z' (7a 00), while PostgreSQL's {@code COLLATE "C"} puts it
 * after. Key ranges planned in SQLite's order would hold other rows in PostgreSQL and report differences that
 * are not there; such a table is compared as a multiset instead, and ASCII keys still by ranges. And text is
 * read as text, not as the UTF-16 bytes the driver's {@code getBytes} returns there.
 */
class VerifierEncodingIT {

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path sqlite;

    @BeforeEach
    void setUp() throws Exception {
        database = TestPostgres.freshDatabase();
        sqlite = dir.resolve("utf16.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.execute("PRAGMA encoding = 'UTF-16le'");
            s.execute("CREATE TABLE words (word TEXT PRIMARY KEY, n INTEGER)");
            s.execute("INSERT INTO words VALUES ('ā', 1), ('ɐ', 2), ('z', 3), ('y', 4)");
            s.execute("CREATE TABLE codes (code TEXT PRIMARY KEY, n INTEGER, label TEXT)");
            s.execute("INSERT INTO codes VALUES ('a', 1, 'héllo ā 😀'), ('b', 2, ''), ('c', 3, 'x'), ('d', 4, NULL), "
                    + "('e', 5, 'ɐ')");
            try (ResultSet rs = s.executeQuery("PRAGMA encoding")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("UTF-16le");
            }
        }
        MigrationOptions options = MigrationOptions.builder().build();
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            new Migration(sqlite, target.dataSource(), options, MigrationListener.NONE).run();
        }
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void comparesNonAsciiTextKeysAsAMultisetAndFindsNoFalseDifference() throws Exception {
        TableVerification words = verify("words");

        assertThat(words.status()).isEqualTo(TableVerification.Status.EQUAL);
        assertThat(words.method()).isEqualTo(TableVerification.Method.MULTISET);
        assertThat(words.notes()).singleElement(InstanceOfAssertFactories.STRING)
                .contains("primary key column \"word\"").contains("UTF-16le");
    }

    @Test
    void keepsKeyRangesForAsciiKeysAndStillFindsAChange() throws Exception {
        assertThat(verify("codes").status()).as("non-ASCII and empty text read as text").isEqualTo(
                TableVerification.Status.EQUAL);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE codes SET n = 50 WHERE code = 'e'");
        }

        TableVerification codes = verify("codes");

        assertThat(codes.method()).isEqualTo(TableVerification.Method.CHUNKS);
        assertThat(codes.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(codes.differences()).singleElement().extracting(RowDifference::keyText).isEqualTo("(code=e)");
    }

    /** Checksum verification of one table in chunks of 2 rows, so that the chunks' ranges matter. */
    private TableVerification verify(String table) throws Exception {
        MigrationOptions options = MigrationOptions.builder().tables(List.of(table)).build();
        try (Connection source = SqliteSource.openReadOnly(sqlite); Connection target = database.connect()) {
            SchemaMapping mapping = SourceMapping.read(source, options);
            return new Verifier(source, target, new VerifyOptions(VerifyMode.CHECKSUM, 20, 2, 64, 2),
                    () -> SqliteSource.openReadOnly(sqlite), database::connect)
                    .verify(mapping.tables(), t -> { }).tables().getFirst();
        }
    }
}
