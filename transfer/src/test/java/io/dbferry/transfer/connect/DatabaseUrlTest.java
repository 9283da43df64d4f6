package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String OS_USER = "osuser";

    private static DatabaseUrl parse(String text) {
        return DatabaseUrl.parse(text, OS_USER);
    }

    private static PostgresUrl postgres(String text) {
        return (PostgresUrl) parse(text);
    }

    @Test
    void readsSqlitePrefixAsAPath() {
        assertThat(parse("sqlite:data/app.db")).isEqualTo(new SqliteUrl(Path.of("data/app.db")));
        assertThat(parse("sqlite:/var/lib/app/store")).isEqualTo(new SqliteUrl(Path.of("/var/lib/app/store")));
    }

    @Test
    void readsJdbcSqliteUrlAsAPath() {
        assertThat(parse("jdbc:sqlite:/tmp/app.db")).isEqualTo(new SqliteUrl(Path.of("/tmp/app.db")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.db", "dir/app.sqlite", "/abs/app.sqlite3", "APP.DB", "C:\\data\\app.db"})
    void readsBarePathWithSqliteExtension(String text) {
        assertThat(parse(text)).isEqualTo(new SqliteUrl(Path.of(text)));
    }

    @Test
    void readsTheWordEmbedded() {
        assertThat(parse("embedded")).isEqualTo(new EmbeddedPostgresUrl());
        assertThat(parse("embedded").redacted()).isEqualTo("embedded");
    }

    @Test
    void ignoresSurroundingWhiteSpace() {
        assertThat(parse("  embedded\n")).isEqualTo(new EmbeddedPostgresUrl());
    }

    @Test
    void readsEveryPartOfALibpqUri() {
        PostgresUrl url = postgres(
                "postgresql://alice:s3cret@db.example.com:6543/shop?sslmode=require&application_name=ferry");

        assertThat(url).isEqualTo(new PostgresUrl("db.example.com", 6543, "shop", "alice", "s3cret",
                Map.of("sslmode", "require", "application_name", "ferry")));
        assertThat(url.parameters().keySet()).containsExactly("sslmode", "application_name");
    }

    @Test
    void readsPostgresSchemeLikePostgresql() {
        assertThat(parse("postgres://alice@db/shop")).isEqualTo(parse("postgresql://alice@db/shop"));
    }

    @Test
    void appliesLibpqDefaultsWithLocalhostAsHost() {
        assertThat(postgres("postgresql://"))
                .isEqualTo(new PostgresUrl("localhost", 5432, OS_USER, OS_USER, null, Map.of()));
    }

    @Test
    void defaultsTheDatabaseToTheUser() {
        assertThat(postgres("postgresql://bob@db.example.com").database()).isEqualTo("bob");
        assertThat(postgres("postgresql:///?user=carol").database()).isEqualTo("carol");
    }

    @Test
    void takesTheOperatingSystemUserWhenNoUserIsGiven() {
        assertThat(((PostgresUrl) DatabaseUrl.parse("postgresql://db/shop")).user())
                .isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void decodesPercentEncodedParts() {
        PostgresUrl url = postgres("postgresql://a%40corp:p%3Aw%2F%40+d@db/my%20db%C3%BC?application_name=a%26b");

        assertThat(url.user()).isEqualTo("a@corp");
        assertThat(url.password()).isEqualTo("p:w/@+d");
        assertThat(url.database()).isEqualTo("my dbü");
        assertThat(url.parameters()).containsEntry("application_name", "a&b");
    }

    @Test
    void readsBracketedIpv6Host() {
        PostgresUrl url = postgres("postgresql://[::1]:5433/shop");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.redacted()).isEqualTo("postgresql://osuser@[::1]:5433/shop");
    }

    @Test
    void letsQueryParametersOverrideTheUriParts() {
        PostgresUrl url = postgres("postgresql://u1:p1@h1:1111/d1?user=u2&password=p2&host=h2&port=2222&dbname=d2");

        assertThat(url).isEqualTo(new PostgresUrl("h2", 2222, "d2", "u2", "p2", Map.of()));
    }

    @Test
    void readsPgjdbcUrlWithUserAndPasswordParameters() {
        PostgresUrl url = postgres("jdbc:postgresql://db.example.com:5433/shop?user=alice&password=s3cret&sslmode=require");

        assertThat(url).isEqualTo(new PostgresUrl("db.example.com", 5433, "shop", "alice", "s3cret",
                Map.of("sslmode", "require")));
    }

    @Test
    void decodesPgjdbcValuesAsPgjdbcDoes() {
        PostgresUrl url = postgres("jdbc:postgresql://db/my+shop?user=al%40ice&ApplicationName=a+b");

        assertThat(url.database()).isEqualTo("my shop");
        assertThat(url.user()).isEqualTo("al@ice");
        assertThat(url.parameters()).containsEntry("ApplicationName", "a b");
    }

    @Test
    void readsPgjdbcShortFormAndDefaults() {
        assertThat(postgres("jdbc:postgresql:shop"))
                .isEqualTo(new PostgresUrl("localhost", 5432, "shop", OS_USER, null, Map.of()));
        assertThat(postgres("jdbc:postgresql://db/"))
                .isEqualTo(new PostgresUrl("db", 5432, OS_USER, OS_USER, null, Map.of()));
    }

    @Test
    void rejectsAmbiguousSqliteDoubleSlash() {
        assertThatThrownBy(() -> parse("sqlite:///data/app.db"))
                .isInstanceOfSatisfying(DbferryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("sqlite:/absolute/path.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:app.db?mode=ro",
        "jdbc:sqlite:app.db?journal_mode=WAL", "sqlite:"})
    void rejectsSqliteUrlsThatNameNoPlainFile(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(DbferryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "notes.txt", "mysql://root:s3cret@db/shop", "http://example.com/a.html",
        "user:s3cret@db/shop"})
    void rejectsUnknownFormsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(DbferryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageContaining("sqlite:PATH")
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("embedded")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://alice:s3cret@db:abc/shop",
        "postgresql://alice:s3cret@db:0/shop",
        "postgresql://alice:s3cret@db:99999/shop",
        "postgresql://alice:s3cret@db1,db2/shop",
        "postgresql://alice:s3cret@[::1/shop",
        "postgresql://alice:s3cret@%2Fvar%2Frun%2Fpostgresql/shop",
        "postgresql:///shop?host=/var/run/postgresql&password=s3cret",
        "postgresql://alice:s3cret@db/shop?sslmode",
        "postgresql://alice:s3cret%zz@db/shop",
        "postgresql:db/shop?password=s3cret",
        "jdbc:postgresql://alice:s3cret@db/shop",
        "jdbc:postgresql://db/shop?password=s3cret%zz",
        "postgresql://alice:s3cret/shop"})
    void rejectsMalformedPostgresUrlsWithoutShowingThePassword(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(DbferryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageStartingWith("invalid PostgreSQL URL: ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void namesTheProblemInAMalformedUrl() {
        assertThatThrownBy(() -> parse("postgresql://db1:5432,db2:5432/shop"))
                .hasMessageContaining("several hosts are not supported");
        assertThatThrownBy(() -> parse("postgresql://db:x/shop"))
                .hasMessageContaining("the port is not a number from 1 to 65535");
        assertThatThrownBy(() -> parse("postgresql:///shop?host=/tmp"))
                .hasMessageContaining("Unix-domain sockets are not supported");
    }

    @Test
    void neverPrintsThePasswordOfAParsedUrl() {
        for (String text : new String[] {"postgresql://alice:s3cret@db/shop?sslpassword=s3cret",
            "jdbc:postgresql://db/shop?user=alice&password=s3cret"}) {
            DatabaseUrl url = parse(text);

            assertThat(url.toString()).doesNotContain("s3cret");
            assertThat(url.redacted()).doesNotContain("s3cret");
            assertThat(((PostgresUrl) url).jdbcUrl()).doesNotContain("s3cret");
        }
    }
}
