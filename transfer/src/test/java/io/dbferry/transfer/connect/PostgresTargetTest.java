package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What needs no server; {@code PostgresTargetIT} covers the rest. */
class PostgresTargetTest {

    private static final PostgresUrl NOBODY_LISTENS = new PostgresUrl("127.0.0.1", 1, "shop", "alice", "s3cret",
            Map.of("sslmode", "disable", "sslpassword", "k3ypass"));

    @Test
    void failsAtOnceWhenNothingListensNamingTheRedactedUrlWithoutThePassword() {
        Instant start = Instant.now();

        assertThatThrownBy(() -> PostgresTarget.connect(NOBODY_LISTENS, 4))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                .hasMessageStartingWith("cannot connect to target postgresql://alice@127.0.0.1:1/shop?sslmode=disable: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("k3ypass");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void rejectsAPoolOfFewerThanOneConnection() {
        assertThatThrownBy(() -> PostgresTarget.connect(NOBODY_LISTENS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be ≥ 1, was 0");
    }

    @Test
    void passesTheTlsOptionsOfTheUrlToPgjdbc() throws Exception {
        PostgresUrl url = (PostgresUrl) DatabaseUrl.parse("postgresql://alice:s3cret@db.example.com:6543/shop"
                + "?sslmode=verify-full&sslrootcert=/etc/ssl/certs/db-ca.pem&sslcert=/home/a/c.crt&sslkey=/home/a/c.key");

        org.postgresql.ds.PGSimpleDataSource dataSource = PostgresTarget.pgjdbcDataSource(url);

        assertThat(dataSource.getSslMode()).isEqualTo("verify-full");
        assertThat(dataSource.getSslRootCert()).isEqualTo("/etc/ssl/certs/db-ca.pem");
        assertThat(dataSource.getSslCert()).isEqualTo("/home/a/c.crt");
        assertThat(dataSource.getSslKey()).isEqualTo("/home/a/c.key");
        assertThat(dataSource.getPassword()).isEqualTo("s3cret");
        assertThat(dataSource.getUser()).isEqualTo("alice");
        assertThat(url.redacted()).doesNotContain("s3cret").contains("sslmode=verify-full")
                .contains("sslrootcert=%2Fetc%2Fssl%2Fcerts%2Fdb-ca.pem");
        assertThat(url.jdbcUrl()).doesNotContain("s3cret");
    }

    @Test
    void readsThePasswordFromTheFirstLineOfAPasswordFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("pw");
        java.nio.file.Files.writeString(file, "s3cret:with spaces \r\nsecond line\n");
        PostgresUrl url = new PostgresUrl("db", 5432, "shop", "alice", null, Map.of());

        assertThat(PostgresPasswords.withPasswordFile(url, file).password()).isEqualTo("s3cret:with spaces ");
        assertThatThrownBy(() -> PostgresPasswords.withPasswordFile(url.withPassword("inurl"), file))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("has a password and --password-file").hasMessageNotContaining("inurl")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> PostgresPasswords.withPasswordFile(url, dir.resolve("missing")))
                .hasMessageContaining("cannot read the --password-file " + dir.resolve("missing") + ": no such file");
        java.nio.file.Files.writeString(file, "\n");
        assertThatThrownBy(() -> PostgresPasswords.withPasswordFile(url, file))
                .hasMessageContaining("is empty: its first line must be the password");
    }
}
