package io.dbferry.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.dbferry.transfer.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a PostgreSQL: help, usage errors, inspect of a SQLite file. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("migrate", "inspect", "Exit codes:", "3  verification mismatch");
    }

    @Test
    void migrateHelpStatesTheDefaults() {
        CommandRun run = CommandRun.of("migrate", "--help");

        assertThat(run.out()).contains("--if-exists", "Default: fail", "--identifiers", "Default: preserve",
                "(default: public)", "embedded");
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("missing command");
    }

    @Test
    void badEnumValueIsAUsageErrorNamingTheChoices() {
        CommandRun run = CommandRun.of("migrate", "a.db", "embedded", "--if-exists", "replace");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--if-exists").containsIgnoringCase("truncate");
    }

    @Test
    void migrateHelpTeachesTheCastRuleGrammar() {
        CommandRun run = CommandRun.of("migrate", "--help");

        assertThat(run.out()).contains("--cast=RULE", "column TABLE.COLUMN to TYPE [using TRANSFORM]",
                "type DECLARED to TYPE [using TRANSFORM]", "column t.created to timestamp using epoch-ms",
                "--cast-file=FILE", "2  usage error");
    }

    @Test
    void invalidCastRuleIsAOneLineUsageErrorBeforeAnythingIsOpened() {
        CommandRun run = CommandRun.of("migrate", dir.resolve("missing.db").toString(),
                "postgresql://nobody@127.0.0.1:1/app", "--cast", "column events.payload to json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).as(run.err()).singleElement(as(STRING)).startsWith("dbferry: error: invalid"
                + " cast rule \"column events.payload to json\": 'json' is not a type dbferry writes; use jsonb"
                + " instead").endsWith("[INVALID_CAST_RULE]");
    }

    @Test
    void castFileErrorNamesTheFileAndLine() throws Exception {
        Path rules = dir.resolve("casts.txt");
        Files.writeString(rules, "# rules\ntype datetime to timestamp using epoch\n");

        CommandRun run = CommandRun.of("migrate", dir.resolve("missing.db").toString(), "embedded",
                "--cast-file", rules.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("dbferry: error: " + rules + ":2: invalid cast rule \"type datetime to"
                + " timestamp using epoch\": unknown transform 'epoch'");
    }

    @Test
    void inspectPrintsChinookWithTheMappedTypes() {
        CommandRun run = CommandRun.of("inspect", Samples.chinook().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("11 tables", "Invoice", "NUMERIC(10,2)", "numeric(10,2)", "DATETIME",
                "timestamp", "primary key PK_Album [AlbumId]", "foreign key [ArtistId] → Artist[ArtistId]");
    }

    @Test
    void inspectAsJsonHasEveryTable() throws Exception {
        CommandRun run = CommandRun.of("inspect", Samples.chinook().toString(), "--format", "json");

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.get("tables")).hasSize(11);
        assertThat(json.get("dialect").asText()).isEqualTo("SQLITE");
    }
}
