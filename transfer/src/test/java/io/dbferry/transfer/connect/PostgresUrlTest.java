package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    private static final PostgresUrl SHOP = new PostgresUrl("db.example.com", 5432, "shop", "alice", "s3cret",
            ordered("sslmode", "require", "application_name", "ferry", "sslpassword", "k3ypass"));

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void redactedFormLeavesOutPasswordAndSecretParameters() {
        assertThat(SHOP.redacted())
                .isEqualTo("postgresql://alice@db.example.com:5432/shop?sslmode=require&application_name=ferry");
    }

    @Test
    void toStringIsTheRedactedForm() {
        assertThat(SHOP.toString()).isEqualTo(SHOP.redacted());
        assertThat(SHOP.toString()).doesNotContain("s3cret").doesNotContain("k3ypass");
    }

    @Test
    void redactedFormParsesBackToTheSameUrlWithoutItsSecrets() {
        PostgresUrl odd = new PostgresUrl("::1", 6543, "sh op/ü?", "a@b:c", "s3cret",
                ordered("options", "-c search_path=x&y", "sslpassword", "k3ypass"));

        DatabaseUrl reparsed = DatabaseUrl.parse(odd.redacted(), "someone");

        assertThat(reparsed).isEqualTo(new PostgresUrl("::1", 6543, "sh op/ü?", "a@b:c", null,
                Map.of("options", "-c search_path=x&y")));
    }

    @Test
    void jdbcUrlCarriesUserAndPgjdbcParameterNamesButNoSecrets() {
        assertThat(SHOP.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://db.example.com:5432/shop?user=alice&sslmode=require&ApplicationName=ferry");
    }

    @Test
    void jdbcUrlEncodesValuesForPgjdbcAndBracketsIpv6() {
        PostgresUrl url = new PostgresUrl("::1", 5432, "my shop", "a&b", null, Map.of("passfile", "/p"));

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/my+shop?user=a%26b");
    }

    @Test
    void jdbcCredentialsHoldThePasswordAndSecretParameters() {
        assertThat(SHOP.jdbcCredentials()).containsOnly(
                Map.entry("password", "s3cret"), Map.entry("sslpassword", "k3ypass"));
        assertThat(SHOP.withPassword(null).jdbcCredentials()).containsOnly(Map.entry("sslpassword", "k3ypass"));
    }

    @Test
    void withDatabaseKeepsEverythingElse() {
        PostgresUrl other = SHOP.withDatabase("archive");

        assertThat(other).isEqualTo(new PostgresUrl("db.example.com", 5432, "archive", "alice", "s3cret",
                SHOP.parameters()));
    }

    @Test
    void withPasswordReplacesThePasswordAndEmptyMeansNone() {
        assertThat(SHOP.withPassword("other").password()).isEqualTo("other");
        assertThat(SHOP.withPassword("").password()).isNull();
        assertThat(SHOP.withPassword(null).password()).isNull();
    }

    @Test
    void copiesParametersSoLaterChangesDoNotLeakIn() {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("sslmode", "require"));
        PostgresUrl url = new PostgresUrl("db", 5432, "shop", "alice", null, parameters);

        parameters.put("sslmode", "disable");

        assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"));
    }

    @Test
    void rejectsInvalidComponents() {
        assertThatThrownBy(() -> new PostgresUrl("db", 0, "shop", "alice", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new PostgresUrl(" ", 5432, "shop", "alice", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> new PostgresUrl("db", 5432, "shop", "alice", null, Map.of("password", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter name");
    }
}
