package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A temp-file SQLite database built by a test's statements, mapped with the default type mapping and
 * {@link IdentifierPolicy#PRESERVE}, and profiled table by table. Close it to close the connection.
 */
final class SqliteFixture implements AutoCloseable {

    private final Connection connection;

    private SqliteFixture(Connection connection) {
        this.connection = connection;
    }

    /** Creates the database file {@code dir/t.db} and runs the statements on it. */
    static SqliteFixture create(Path dir, String... statements) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
        return new SqliteFixture(connection);
    }

    /** Opens an existing database file. */
    static SqliteFixture open(Path file) throws SQLException {
        return new SqliteFixture(DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1"));
    }

    /** Runs one more statement. */
    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** Every table, mapped together (so foreign keys between them are kept). */
    List<MappedTable> tables() {
        return mapped(SqliteSchemaReader.read(connection).tables());
    }

    /** One table mapped together with every other table. */
    MappedTable table(String name) {
        return tables().stream().filter(t -> t.source().id().name().equals(name)).findFirst().orElseThrow();
    }

    /** One table mapped alone, as when the others are left out of the migration. */
    MappedTable tableAlone(String name) {
        List<Table> tables = SqliteSchemaReader.read(connection).tables().stream()
                .filter(t -> t.id().name().equals(name)).toList();
        return mapped(tables).get(0);
    }

    /** Profiles every row of a table. */
    TableProfile profile(String table) {
        return profile(table(table), 0);
    }

    /** Profiles a mapped table. */
    TableProfile profile(MappedTable table, long sampleRows) {
        return new SqliteDataProfiler(connection).profile(table, sampleRows);
    }

    /** The one issue with a code in every row of a table; fails when there is not exactly one. */
    CompatibilityIssue issue(String table, IssueCode code) {
        List<CompatibilityIssue> found = profile(table).issues().stream().filter(i -> i.code() == code).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + code + " issue in " + table + ", found " + found);
        }
        return found.get(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static List<MappedTable> mapped(List<Table> tables) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public").map(tables)
                .tables();
    }
}
