package io.dbferry.transfer.pipeline;

import static io.dbferry.transfer.pipeline.ChinookMigrationIT.count;
import static io.dbferry.transfer.pipeline.ChinookMigrationIT.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.TableVerification;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A target that already holds the tables is refused unchanged, or replaced or reloaded when asked. */
class TargetSafetyIT {

    private TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private MigrationResult migrate(MigrationOptions options) throws Exception {
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            return new Migration(Samples.chinook(), target.dataSource(), options, MigrationListener.NONE).run();
        }
    }

    @Test
    void secondMigrateWithoutIfExistsFailsAndChangesNothing() throws Exception {
        migrate(MigrationOptions.builder().build());
        try (Connection target = database.connect(); Statement statement = target.createStatement()) {
            statement.execute("delete from public.\"PlaylistTrack\" where \"PlaylistId\" = 1");
        }
        List<String> before = snapshot();

        assertThatThrownBy(() -> migrate(MigrationOptions.builder().build()))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_TABLE_EXISTS))
                .hasMessageContaining("already has 11 of the 11 tables")
                .hasMessageContaining("--if-exists drop");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void ifExistsDropReplacesTheTables() throws Exception {
        migrate(MigrationOptions.builder().build());
        try (Connection target = database.connect(); Statement statement = target.createStatement()) {
            statement.execute("alter table public.\"Genre\" add column extra int");
        }

        MigrationResult result = migrate(MigrationOptions.builder().ifExists(IfExists.DROP).build());

        assertThat(result.rowsWritten()).isEqualTo(15_607);
        try (Connection target = database.connect()) {
            assertThat(strings(target, "select column_name from information_schema.columns "
                    + "where table_name = 'Genre' order by ordinal_position")).containsExactly("GenreId", "Name");
            assertThat(count(target, "select count(*) from pg_constraint where connamespace = 'public'::regnamespace and contype = 'f'")).isEqualTo(11);
        }
    }

    @Test
    void ifExistsTruncateReloadsIntoTheExistingTablesKeepingTheirKeys() throws Exception {
        migrate(MigrationOptions.builder().build());
        try (Connection target = database.connect(); Statement statement = target.createStatement()) {
            statement.execute("delete from public.\"InvoiceLine\"");
            statement.execute("insert into public.\"Genre\" (\"Name\") values ('only in the target')");
        }

        MigrationResult result = migrate(MigrationOptions.builder().ifExists(IfExists.TRUNCATE).build());

        assertThat(result.verification().tables()).allMatch(TableVerification::matches);
        try (Connection target = database.connect()) {
            assertThat(count(target, "select count(*) from public.\"InvoiceLine\"")).isEqualTo(2240);
            assertThat(count(target, "select count(*) from public.\"Genre\" where \"Name\" = 'only in the target'"))
                    .isZero();
            assertThat(count(target, "select count(*) from pg_constraint where connamespace = 'public'::regnamespace and contype in ('p', 'f')")).isEqualTo(22);
        }
    }

    @Test
    void migratesOnlyTheSelectedTablesAndSkipsForeignKeysToOthers() throws Exception {
        MigrationResult result = migrate(MigrationOptions.builder().tables(List.of("Artist", "Album", "Track")).build());

        assertThat(result.tables()).extracting(t -> t.target().name()).containsExactlyInAnyOrder("Artist", "Album", "Track");
        assertThat(result.notes()).anyMatch(n -> n.contains("MediaType") && n.contains("not part of this migration"));
        try (Connection target = database.connect()) {
            assertThat(count(target, "select count(*) from pg_constraint where connamespace = 'public'::regnamespace and contype = 'f'")).isEqualTo(2);
        }
    }

    @Test
    void unknownTableNameIsRefusedWithTheTablesTheSourceHas() {
        assertThatThrownBy(() -> migrate(MigrationOptions.builder().tables(List.of("album")).build()))
                .isInstanceOfSatisfying(DbferryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("[album]")
                .hasMessageContaining("Album");
    }

    private List<String> snapshot() throws Exception {
        try (Connection target = database.connect()) {
            List<String> state = new java.util.ArrayList<>(strings(target,
                    "select c.relname || ':' || c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                            + "where n.nspname = 'public' order by 1"));
            state.add("PlaylistTrack rows " + count(target, "select count(*) from public.\"PlaylistTrack\""));
            state.add("constraints " + count(target, "select count(*) from pg_constraint where connamespace = 'public'::regnamespace"));
            return state;
        }
    }
}
