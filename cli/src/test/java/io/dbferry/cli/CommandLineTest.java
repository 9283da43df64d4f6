package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.Samples;
import org.junit.jupiter.api.Test;

/** The command line without a PostgreSQL: help, usage errors, inspect of a SQLite file. */
class CommandLineTest {

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
