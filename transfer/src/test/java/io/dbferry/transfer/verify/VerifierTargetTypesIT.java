package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.SourceMapping;
import io.dbferry.transfer.connect.SqliteSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier} against a target whose column types are not the ones {@code migrate} creates — a table made by
 * hand or by another tool: the catalog's types are compared with the mapping's ({@link TargetColumnTypes}), such a
 * table is compared in canonical text only and says so, equal rows stay equal and a changed value is still found.
 */
class VerifierTargetTypesIT {

    private static final String TYPES = """
            CREATE TABLE typed (
              id INTEGER PRIMARY KEY, small SMALLINT, n INTEGER, name VARCHAR(20), code CHARACTER(3), t TEXT,
              flag BOOLEAN, created DATETIME, day DATE, at TIME, doc JSON, uid UUID, ratio REAL, price NUMERIC(10,2),
              payload BLOB)""";

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("fixture.db"));
        databases.source(TYPES,
                "INSERT INTO typed VALUES (1, 7, 42, 'Ada', 'abc', 'x', 1, '2024-01-02 03:04:05.123456', '2024-02-29',"
                        + " '12:30', '{\"b\": [1, 2], \"a\": 1.50}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0.1,"
                        + " 1.98, x'00ff10')",
                "INSERT INTO typed VALUES (2, -1, -7, '', 'x', '', 0, 1700000000, '2023-02-24', '23:59:59', '[]',"
                        + " 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', -1.5, '12.50', NULL)",
                "INSERT INTO typed (id) VALUES (3)");
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    private MappedTable mapped() throws Exception {
        try (Connection source = SqliteSource.openReadOnly(dir.resolve("fixture.db"))) {
            return SourceMapping.read(source, MigrationOptions.builder().build()).tables().getFirst();
        }
    }

    private VerificationReport verify() throws Exception {
        return databases.verify(VerifyOptions.of(VerifyMode.CHECKSUM, 20), MigrationOptions.builder().build());
    }

    @Test
    void spellsEveryMappedTypeAsTheCatalogOfAMigratedTableDoes() throws Exception {
        databases.migrate(MigrationOptions.builder().build());
        MappedTable table = mapped();

        Map<String, String> catalog;
        try (Connection target = databases.connectTarget()) {
            catalog = PostgresCatalog.columnTypes(target, table.target().schema(), table.target().name());
            assertThat(TargetColumnTypes.read(target, table).asMapped()).isTrue();
        }

        Map<String, String> spelled = table.columns().stream()
                .collect(Collectors.toMap(MappedColumn::targetName, c -> c.targetType().formatted()));
        assertThat(catalog).containsExactlyInAnyOrderEntriesOf(spelled);
        assertThat(catalog).containsEntry("name", "character varying(20)").containsEntry("code", "character(3)")
                .containsEntry("price", "numeric(10,2)").containsEntry("created", "timestamp without time zone");
        VerificationReport report = verify();
        assertThat(report.matches()).as("%s", report).isTrue();
        assertThat(report.tables().getFirst().notes()).isEmpty();
    }

    @Test
    void spellsEveryTargetTypeAsTheCatalogDoes() throws Exception {
        List<TargetType> types = new ArrayList<>();
        for (PostgresType type : PostgresType.values()) {
            types.add(TargetType.of(type));
        }
        types.addAll(List.of(new TargetType(PostgresType.VARCHAR, 160, 0, 0), new TargetType(PostgresType.CHAR, 3, 0,
                0), new TargetType(PostgresType.NUMERIC, 0, 10, 2), new TargetType(PostgresType.NUMERIC, 0, 5, 0)));
        StringBuilder ddl = new StringBuilder("CREATE TABLE spelled (");
        for (int i = 0; i < types.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(types.get(i));
        }
        databases.target(ddl.append(')').toString());

        Map<String, String> catalog;
        try (Connection target = databases.connectTarget()) {
            catalog = PostgresCatalog.columnTypes(target, "public", "spelled");
        }

        assertThat(catalog).hasSize(types.size());
        for (int i = 0; i < types.size(); i++) {
            assertThat(types.get(i).formatted()).as("%s", types.get(i)).isEqualTo(catalog.get("c" + i));
        }
    }

    @Test
    void comparesATableWithOtherColumnTypesInCanonicalTextAndSaysWhich() throws Exception {
        databases.migrate(MigrationOptions.builder().build());
        databases.target("ALTER TABLE typed ALTER price TYPE numeric, ALTER doc TYPE json, ALTER n TYPE integer,"
                + " ALTER name TYPE text");

        VerificationReport report = verify();

        assertThat(report.matches()).as("%s", report).isTrue();
        assertThat(report.tables().getFirst().notes()).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("column types differ from the mapping (")
                .contains("\"doc\" is json where the mapping gives jsonb",
                        "\"n\" is integer where the mapping gives bigint",
                        "\"name\" is text where the mapping gives character varying(20)",
                        "\"price\" is numeric where the mapping gives numeric(10,2)")
                .endsWith("the rows were compared in canonical text only");

        // Beyond the mapping's scale and length: compared as the target holds them, not rounded or cut.
        databases.target("UPDATE typed SET price = 1.981 WHERE id = 1", "UPDATE typed SET name = 'Ada Lovelace, "
                + "Countess of Lovelace' WHERE id = 1", "UPDATE typed SET doc = '{\"b\": [2, 1]}' WHERE id = 2");
        assertThat(verify().tables().getFirst().differences())
                .extracting(RowDifference::keyText, VerifierTargetTypesIT::columns)
                .containsExactly(tuple("(id=1)", List.of("name: Ada → Ada Lovelace, Countess of Lovelace",
                                "price: 1.98 → 1.981")),
                        tuple("(id=2)", List.of("doc: [] → {\"b\": [2, 1]}")));
    }

    @Test
    void comparesATimestampColumnMadeWithTimeZoneAtUtc() throws Exception {
        databases.migrate(MigrationOptions.builder().build());
        // What a binary COPY of the mapping's timestamp into a timestamptz column stores: the time of day as UTC.
        databases.target("SET TIME ZONE 'America/New_York'",
                "ALTER TABLE typed ALTER created TYPE timestamp with time zone USING created AT TIME ZONE 'UTC'");

        VerificationReport report = verify();

        assertThat(report.matches()).as("%s", report).isTrue();
        assertThat(report.tables().getFirst().notes()).singleElement(InstanceOfAssertFactories.STRING)
                .contains("\"created\" is timestamp with time zone where the mapping gives "
                        + "timestamp without time zone");

        databases.target("UPDATE typed SET created = '2024-01-02 03:04:05.123456+01' WHERE id = 1");
        assertThat(verify().tables().getFirst().differences())
                .extracting(RowDifference::keyText, VerifierTargetTypesIT::columns)
                .containsExactly(tuple("(id=1)",
                        List.of("created: 2024-01-02T03:04:05.123456 → 2024-01-02T02:04:05.123456")));
    }

    private static List<String> columns(RowDifference difference) {
        return difference instanceof RowDifference.Changed c ? c.columns().stream()
                .map(col -> col.column() + ": " + col.sourceValue() + " → " + col.targetValue()).toList() : List.of();
    }
}
