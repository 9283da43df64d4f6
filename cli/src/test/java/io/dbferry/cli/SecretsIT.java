package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given in the TARGET URL never shows: not on stdout or stderr (log lines of the libraries
 * included, each command run as its own process), not in --json, reports, plans, metrics files, reject files or
 * dbferry's state tables, not in error messages and their stack traces (connection refused, unknown database).
 * {@code --password-file} works for every command with a TARGET; TLS options of the URL reach the driver.
 */
class SecretsIT {

    /** With a server that trusts local connections, any password is accepted, so the test can choose one. */
    private static final String CHOSEN = "Zq9-s3cr3t-p4ss";

    @TempDir
    Path dir;
    private TestDatabase database;
    private Path source;
    private String secret;
    private String url;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestPostgres.freshDatabase();
        PostgresUrl target = database.url();
        // A server that needs a password gets its own, which must not show either.
        secret = target.password() == null ? CHOSEN : target.password();
        assumeTrue(secret.length() >= 6 && !target.redacted().contains(secret), "a password that is not a word of the URL");
        url = withPassword(target.redacted(), secret);
        source = dir.resolve("app.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, updated_at DATETIME)");
            s.execute("INSERT INTO t VALUES (1, 1, '2024-01-01 00:00:00'), (2, 'forty', '2024-01-02 00:00:00')");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void aPasswordInTheUrlShowsNowhere() throws Exception {
        List<Run> runs = new ArrayList<>();
        runs.add(run("migrate", source.toString(), url, "--json", "--metrics-file", file("migrate.prom"),
                "--rejects", file("rejects"), "--verify", "checksum"));
        runs.add(run("verify", source.toString(), url, "--format", "json", "--output", file("verify.json")));
        runs.add(run("verify", source.toString(), url, "--format", "markdown"));
        runs.add(run("compare", source.toString(), url, "--format", "json", "--output", file("compare.json")));
        runs.add(run("compare", source.toString(), url, "--format", "markdown"));
        runs.add(run("plan", source.toString(), url, "--output", file("plan.sql")));
        runs.add(run("inspect", url, "--format", "json"));
        runs.add(run("sync", source.toString(), url, "--json", "--metrics-file", file("sync.prom"), "--verbose"));
        // Failures: an unknown database, nothing listening, each with its stack trace.
        String otherDatabase = url.replace("/" + database.name(), "/no_such_database_here");
        runs.add(run("migrate", source.toString(), otherDatabase, "--verbose", "--rejects", file("r2")));
        runs.add(run("verify", source.toString(), otherDatabase, "--verbose"));
        String nothingListens = url.replaceFirst("@[^/]+/", "@127.0.0.1:1/");
        runs.add(run("migrate", source.toString(), nothingListens, "--verbose", "--rejects", file("r3")));
        runs.add(run("compare", source.toString(), with(nothingListens, "sslmode=disable"), "--verbose"));

        assertThat(runs.getFirst().exitCode()).as(runs.getFirst().err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(runs.get(8).exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(runs.get(8).err()).contains("no_such_database_here").contains("[CONNECTION_FAILED]")
                .contains("\tat ");
        assertThat(runs.get(10).err()).contains("cannot connect to target").contains("127.0.0.1:1").contains("\tat ");
        for (Run run : runs) {
            assertThat(run.out() + run.err()).as(run.command()).isNotBlank().doesNotContain(secret);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(source)).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secret);
            }
        }
        assertThat(Files.exists(dir.resolve("migrate.prom"))).isTrue();
        assertThat(Files.exists(dir.resolve("rejects").resolve("t.jsonl"))).isTrue();
        assertThat(TargetSnapshot.strings(database, "select string_agg(r::text, ' ') from dbferry.migration_run r "
                + "union all select string_agg(c::text, ' ') from dbferry.migration_chunk c"))
                .isNotEmpty().allSatisfy(state -> assertThat(state).doesNotContain(secret));
    }

    @Test
    void everyCommandWithATargetReadsThePasswordFromPasswordFile() throws Exception {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, secret + "\n");
        String bare = database.url().redacted();

        List<Run> runs = List.of(
                run("migrate", source.toString(), bare, "--password-file", passwordFile.toString(),
                        "--rejects", file("rejects")),
                run("verify", source.toString(), bare, "--password-file", passwordFile.toString(), "--mode", "counts",
                        "--tables", "t"),
                run("compare", source.toString(), bare, "--password-file", passwordFile.toString(), "--no-data"),
                run("plan", source.toString(), bare, "--password-file", passwordFile.toString()),
                run("inspect", bare, "--password-file", passwordFile.toString()),
                run("sync", source.toString(), bare, "--password-file", passwordFile.toString()));

        assertThat(runs.getFirst().exitCode()).as(runs.getFirst().err()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
        assertThat(runs.get(3).exitCode()).as(runs.get(3).err()).isZero();
        assertThat(runs.get(4).exitCode()).as(runs.get(4).err()).isZero();
        for (Run run : runs) {
            assertThat(run.err()).as(run.command()).doesNotContain("CONNECTION_FAILED", "INVALID_OPTION");
            assertThat(run.out() + run.err()).as(run.command()).doesNotContain(secret);
        }

        Run both = run("inspect", url, "--password-file", passwordFile.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("has a password and --password-file names another")
                .contains("[INVALID_OPTION]").doesNotContain(secret);
        Run missing = run("migrate", source.toString(), bare, "--password-file", file("missing"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read the --password-file " + file("missing") + ": no such file")
                .contains("[INVALID_OPTION]");
    }

    @Test
    void tlsOptionsOfTheUrlReachTheDriver() throws Exception {
        boolean ssl = TargetSnapshot.strings(database, "show ssl").getFirst().equals("on");

        Run required = run("inspect", with(url, "sslmode=require"));
        Run rootCertMissing = run("inspect", with(url, "sslmode=verify-full&sslrootcert=" + file("no-ca.pem")));

        if (ssl) {
            assertThat(required.exitCode()).as(required.err()).isZero();
            assertThat(rootCertMissing.err()).contains("no-ca.pem");
        } else {
            // The server speaks no TLS: a driver that got sslmode=require refuses to go on without it.
            assertThat(required.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(required.err()).contains("sslmode=require").contains("The server does not support SSL")
                    .contains("[CONNECTION_FAILED]");
        }
        assertThat(rootCertMissing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(required.err() + rootCertMissing.err()).doesNotContain(secret);
        assertThat(run("inspect", with(url, "sslmode=disable")).exitCode()).isZero();
    }

    /** One command run as its own process, so that everything it prints is seen. */
    private record Run(String command, int exitCode, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = DbferryProcess.start(out, err, List.of(args));
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Run(String.join(" ", args).replace(secret, "…"), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The URL with one more query parameter. */
    private static String with(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static String withPassword(String redacted, String password) {
        return redacted.replaceFirst("@", ":" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                .replace("+", "%20") + "@");
    }
}
