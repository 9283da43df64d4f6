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
}
