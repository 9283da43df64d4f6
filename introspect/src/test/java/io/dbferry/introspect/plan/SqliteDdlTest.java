package io.dbferry.introspect.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteSchemaMapper;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.mapping.SqliteTypeMapping;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQLite DDL of PostgreSQL tables (https://www.sqlite.org/lang_createtable.html), run on a real SQLite. */
class SqliteDdlTest {

    private static final TableId PARENT = new TableId("public", "parent");

    private final SqliteDdl ddl = new SqliteDdl();

    private static Table parent() {
        return new Table(PARENT, List.of(
                new Column("id", 1, ColumnType.of("bigint"), false, null, true, false),
                new Column("name", 2, new ColumnType("character varying", 40, 0, 0), false, "'new'::character varying",
                        false, false),
                new Column("mood", 3, ColumnType.of("mood"), true, null, false, false),
                new Column("active", 4, ColumnType.of("boolean"), false, "true", false, false),
                new Column("created", 5, ColumnType.of("timestamp with time zone"), false, "now()", false, false),
                new Column("price", 6, new ColumnType("numeric", 0, 10, 2), true, "0", false, false)),
                new PrimaryKey("parent_pkey", List.of("id")),
                List.of(new UniqueKey("parent_name_key", List.of("name"))),
                List.of(), List.of(new Index("parent_mood_idx", List.of("mood"), false),
                        new Index("parent_lower_idx", List.of(IndexPart.expression("lower((name)::text)")), false,
                                null)),
                List.of(new CheckConstraint("parent_price_check", "price > 0::numeric")), false);
    }

    private static Table child() {
        return new Table(new TableId("public", "child"), List.of(
                new Column("parent_id", 1, ColumnType.of("bigint"), false, null, false, false),
                new Column("line", 2, ColumnType.of("integer"), false, null, false, false)),
                new PrimaryKey("child_pkey", List.of("parent_id", "line")), List.of(),
                List.of(new ForeignKey("child_parent_fkey", List.of("parent_id"), PARENT, List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), List.of(), false);
    }

    private SqliteSchema map() {
        SchemaSnapshot snapshot = new SchemaSnapshot(Dialect.POSTGRES, "public", List.of(child(), parent()),
                List.of());
        return new SqliteSchemaMapper(new SqliteTypeMapping(Map.of("mood", List.of("sad", "it's ok"))))
                .map(snapshot, snapshot.tables());
    }

    @Test
    void declaresAnIdentityKeyAsAutoincrementRowidAliasWithDefaultsAndEnumCheck() {
        SqliteTable parent = map().tables().get(1);

        assertThat(ddl.createTable(parent)).isEqualTo("CREATE TABLE \"parent\" ("
                + "\"id\" INTEGER NOT NULL CONSTRAINT \"parent_pkey\" PRIMARY KEY AUTOINCREMENT, "
                + "\"name\" VARCHAR(40) NOT NULL DEFAULT 'new', "
                + "\"mood\" TEXT CHECK (\"mood\" IN ('sad', 'it''s ok')), "
                + "\"active\" BOOLEAN NOT NULL DEFAULT 1, "
                + "\"created\" TIMESTAMPTZ NOT NULL, "
                + "\"price\" NUMERIC(10,2) DEFAULT 0, "
                + "CONSTRAINT \"parent_name_key\" UNIQUE (\"name\"))");
        assertThat(ddl.createIndexes(parent))
                .containsExactly("CREATE INDEX \"parent_mood_idx\" ON \"parent\" (\"mood\")");
    }

    @Test
    void declaresACompositeKeyAndForeignKeyWithItsAction() {
        assertThat(ddl.createTable(map().tables().get(0))).isEqualTo("CREATE TABLE \"child\" ("
                + "\"parent_id\" BIGINT NOT NULL, \"line\" INTEGER NOT NULL, "
                + "CONSTRAINT \"child_pkey\" PRIMARY KEY (\"parent_id\", \"line\"), "
                + "CONSTRAINT \"child_parent_fkey\" FOREIGN KEY (\"parent_id\") REFERENCES \"parent\" (\"id\") "
                + "ON DELETE CASCADE)");
    }

    @Test
    void notesWhatSqliteCannotTake() {
        assertThat(map().notes()).containsExactly(
                "default of \"parent\".\"created\" is not created: now() is not a literal SQLite can store in a "
                        + "TIMESTAMPTZ column",
                "CHECK constraint \"parent_price_check\" of \"parent\" is not created: its expression "
                        + "(price > 0::numeric) is PostgreSQL SQL",
                "index \"parent_lower_idx\" of \"parent\" is not created: an index on lower((name)::text) in "
                        + "PostgreSQL SQL");
    }

    @Test
    void runsOnSqliteAndTheEnumCheckRefusesOtherLabels() throws Exception {
        SqliteSchema schema = map();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = sqlite.createStatement()) {
            for (SqliteTable table : List.of(schema.tables().get(1), schema.tables().get(0))) {
                statement.execute(ddl.createTable(table));
                for (String index : ddl.createIndexes(table)) {
                    statement.execute(index);
                }
            }
            statement.execute("INSERT INTO parent (name, mood, created) VALUES ('a', 'sad', 'x')");
            assertThat(statement.executeQuery("SELECT id, active, price FROM parent").getString(1)).isEqualTo("1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO parent (name, mood, created) VALUES ('b', 'angry', 'x')"))
                    .hasMessageContaining("CHECK constraint failed");
        }
    }
}
