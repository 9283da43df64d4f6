package io.dbferry.transfer.pgcopy;

import static io.dbferry.transfer.pgcopy.PostgresSamples.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.RowDifference;
import io.dbferry.transfer.verify.TableVerification;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.VerifyMode;
import io.dbferry.transfer.verify.VerifyOptions;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies a PostgreSQL → PostgreSQL copy after the target was changed behind its back: a changed value, a
 * missing row and an extra row must each be found with its key, for an integer key, a text key and a composite key.
 */
class PostgresCopyVerificationIT {

    /** Chunks of 10 rows and leaves of 2, so that differences are searched through several bisections. */
    private static final VerifyOptions SMALL_CHUNKS = new VerifyOptions(VerifyMode.CHECKSUM, 20, 10, 2, 1);

    private static TestDatabase source;
    private static TestDatabase target;
    private static Connection sourceConnection;
    private static Connection targetConnection;

    @BeforeAll
    static void createSource() throws Exception {
        source = TestPostgres.freshDatabase();
        target = TestPostgres.freshDatabase();
        sourceConnection = source.connect();
        targetConnection = target.connect();
        execute(sourceConnection,
                "CREATE TABLE item (id integer PRIMARY KEY, name text, price numeric(10,2), seen timestamptz)",
                "INSERT INTO item SELECT i, 'item ' || i, i * 1.25, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour' "
                        + "FROM generate_series(1, 100) i",
                "CREATE TABLE code (code varchar(10) PRIMARY KEY, label text)",
                "INSERT INTO code SELECT 'c' || lpad(i::text, 3, '0'), 'label ' || i FROM generate_series(1, 50) i",
                "CREATE TABLE pair (a integer, b text, v jsonb, PRIMARY KEY (a, b))",
                "INSERT INTO pair SELECT i % 7, 'b' || i, jsonb_build_object('i', i) FROM generate_series(1, 60) i");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        sourceConnection.close();
        targetConnection.close();
        source.close();
        target.close();
    }

    @BeforeEach
    void copyAfresh() {
        new PostgresCopyMigration(PostgresCopyOptions.builder().ifExists(io.dbferry.transfer.pipeline.IfExists.DROP)
                .verify(null).build(), MigrationListener.NONE).run(source.url(), target.url());
    }

    @Test
    void findsNothingInAFreshCopy() {
        VerificationReport report = verify();

        assertThat(report.matches()).isTrue();
        assertThat(report.tables()).extracting(TableVerification::method).containsOnly(TableVerification.Method.CHUNKS);
        assertThat(report.tables()).extracting(TableVerification::sourceRows).containsExactly(50L, 100L, 60L);
    }

    @Test
    void findsChangedMissingAndExtraRowsByIntegerKey() throws Exception {
        execute(targetConnection, "UPDATE item SET price = 9.99 WHERE id = 37", "DELETE FROM item WHERE id = 73",
                "INSERT INTO item VALUES (1000, 'extra', 1, NULL)");

        TableVerification item = table(verify(), "item");

        assertThat(item.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(item.differences()).containsExactlyInAnyOrder(
                new RowDifference.Changed(Map.of("id", "37"),
                        List.of(new RowDifference.ColumnChange("price", "46.25", "9.99"))),
                new RowDifference.MissingInTarget(Map.of("id", "73")),
                new RowDifference.ExtraInTarget(Map.of("id", "1000")));
    }

    @Test
    void findsDifferencesByTextAndCompositeKey() throws Exception {
        execute(targetConnection, "UPDATE code SET label = 'changed' WHERE code = 'c042'",
                "DELETE FROM code WHERE code = 'c007'", "INSERT INTO code VALUES ('zz', 'extra')",
                "UPDATE pair SET v = '{\"i\": -1}' WHERE a = 3 AND b = 'b10'");

        VerificationReport report = verify();

        assertThat(table(report, "code").differences()).containsExactlyInAnyOrder(
                new RowDifference.Changed(Map.of("code", "c042"),
                        List.of(new RowDifference.ColumnChange("label", "label 42", "changed"))),
                new RowDifference.MissingInTarget(Map.of("code", "c007")),
                new RowDifference.ExtraInTarget(Map.of("code", "zz")));
        assertThat(table(report, "pair").differences()).singleElement()
                .isInstanceOfSatisfying(RowDifference.Changed.class, changed -> {
                    assertThat(changed.keyText()).isEqualTo("(a=3, b=b10)");
                    assertThat(changed.columns()).containsExactly(
                            new RowDifference.ColumnChange("v", "{\"i\": 10}", "{\"i\": -1}"));
                });
    }

    private static VerificationReport verify() {
        return PostgresCopyVerification.verify(sourceConnection, targetConnection,
                PostgresCopyOptions.builder().build(), SMALL_CHUNKS, table -> { });
    }

    private static TableVerification table(VerificationReport report, String name) {
        return report.tables().stream().filter(t -> t.target().name().equals(name)).findFirst().orElseThrow();
    }
}
