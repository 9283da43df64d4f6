package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresPasswordsTest {

    private static final PostgresUrl SHOP = new PostgresUrl("db.example.com", 5432, "shop", "alice", null, Map.of());

    @TempDir
    Path home;

    private PostgresUrl resolveWithPgpass(PostgresUrl url, String... lines) throws IOException {
        Files.writeString(home.resolve(".pgpass"), String.join("\n", lines) + "\n");
        return PostgresPasswords.resolve(url, Map.of(), home);
    }

    private String passwordFromPgpass(String... lines) throws IOException {
        return resolveWithPgpass(SHOP, lines).password();
    }

    @Test
    void keepsThePasswordOfTheUrl() throws IOException {
        PostgresUrl url = SHOP.withPassword("fromUrl");
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:fromFile\n");

        assertThat(PostgresPasswords.resolve(url, Map.of("PGPASSWORD", "fromEnv"), home)).isSameAs(url);
    }

    @Test
    void takesPgpasswordBeforeThePasswordFile() throws IOException {
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:fromFile\n");

        assertThat(PostgresPasswords.resolve(SHOP, Map.of("PGPASSWORD", "fromEnv"), home).password())
                .isEqualTo("fromEnv");
    }

    @Test
    void ignoresAnEmptyPgpassword() throws IOException {
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:fromFile\n");

        assertThat(PostgresPasswords.resolve(SHOP, Map.of("PGPASSWORD", ""), home).password())
                .isEqualTo("fromFile");
    }

    @Test
    void readsThePgpassfileVariableInsteadOfTheHomeFile() throws IOException {
        Path other = Files.writeString(home.resolve("other-pgpass"), "*:*:*:*:fromVariable\n");
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:fromHome\n");

        assertThat(PostgresPasswords.resolve(SHOP, Map.of("PGPASSFILE", other.toString()), home).password())
                .isEqualTo("fromVariable");
    }

    @Test
    void readsThePassfileParameterBeforeThePgpassfileVariable() throws IOException {
        Path fromParameter = Files.writeString(home.resolve("param-pgpass"), "*:*:*:*:fromParameter\n");
        Path fromVariable = Files.writeString(home.resolve("env-pgpass"), "*:*:*:*:fromVariable\n");
        PostgresUrl url = new PostgresUrl("db", 5432, "shop", "alice", null,
                Map.of("passfile", fromParameter.toString()));

        assertThat(PostgresPasswords.resolve(url, Map.of("PGPASSFILE", fromVariable.toString()), home).password())
                .isEqualTo("fromParameter");
    }

    @Test
    void leavesTheUrlUnchangedWhenNoPasswordIsAnywhere() {
        assertThat(PostgresPasswords.resolve(SHOP, Map.of(), home)).isSameAs(SHOP);
    }

    @Test
    void matchesHostPortDatabaseAndUserExactly() throws IOException {
        assertThat(passwordFromPgpass(
                "other.example.com:5432:shop:alice:wrongHost",
                "db.example.com:5433:shop:alice:wrongPort",
                "db.example.com:5432:other:alice:wrongDatabase",
                "db.example.com:5432:shop:bob:wrongUser",
                "db.example.com:5432:shop:alice:right"))
                .isEqualTo("right");
    }

    @Test
    void letsAStarMatchAnything() throws IOException {
        assertThat(passwordFromPgpass("*:*:shop:*:starred")).isEqualTo("starred");
    }

    @Test
    void takesTheFirstMatchingLine() throws IOException {
        assertThat(passwordFromPgpass("db.example.com:*:*:alice:first", "*:*:*:*:second")).isEqualTo("first");
    }

    @Test
    void readsEscapedColonsAndBackslashesLiterally() throws IOException {
        PostgresUrl ipv6 = new PostgresUrl("::1", 5432, "sh:op", "alice", null, Map.of());

        assertThat(resolveWithPgpass(ipv6, "\\:\\:1:5432:sh\\:op:alice:pa\\:ss\\\\word").password())
                .isEqualTo("pa:ss\\word");
    }

    @Test
    void readsAnEscapedStarAsALiteralStar() throws IOException {
        assertThat(passwordFromPgpass("db.example.com:5432:\\*:alice:literalStar", "*:*:*:*:fallback"))
                .isEqualTo("fallback");
    }

    @Test
    void endsThePasswordAtTheNextUnescapedColon() throws IOException {
        assertThat(passwordFromPgpass("*:*:*:*:secret:ignored")).isEqualTo("secret");
    }

    @Test
    void skipsCommentsBlankAndShortLinesAndCarriageReturns() throws IOException {
        assertThat(passwordFromPgpass("# *:*:*:*:commented", "", "*:*:*:alice", "*:*:*:*:windows\r"))
                .isEqualTo("windows");
    }

    @Test
    void treatsAnEmptyPasswordOnTheFirstMatchAsNone() throws IOException {
        assertThat(resolveWithPgpass(SHOP, "*:*:shop:*:", "*:*:*:*:later")).isSameAs(SHOP);
    }
}
