package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresTargetIT {

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void connectsToTheTargetDatabase() throws SQLException {
        try (PostgresTarget target = PostgresTarget.connect(database.url(), 2);
             Connection connection = target.connection()) {
            assertThat(queryText(connection, "SELECT current_database()")).isEqualTo(database.name());
            assertThat(target.url()).isEqualTo(database.url());
        }
    }

    @Test
    void passesParametersSuchAsTheApplicationNameToTheServer() throws SQLException {
        PostgresUrl plain = database.url();
        Map<String, String> parameters = new LinkedHashMap<>(plain.parameters());
        parameters.put("application_name", "dbferry-it");
        PostgresUrl named = new PostgresUrl(plain.host(), plain.port(), plain.database(), plain.user(),
                plain.password(), parameters);

        try (PostgresTarget target = PostgresTarget.connect(named, 1);
             Connection connection = target.dataSource().getConnection()) {
            assertThat(queryText(connection, "SHOW application_name")).isEqualTo("dbferry-it");
        }
    }

    @Test
    void neverHandsThePasswordToTheConnectionPool() {
        String password = database.url().password() == null ? "unused-by-trust" : database.url().password();

        try (PostgresTarget target = PostgresTarget.connect(database.url().withPassword(password), 1)) {
            HikariDataSource pool = (HikariDataSource) target.dataSource();

            assertThat(pool.getPoolName()).isEqualTo("dbferry-target");
            assertThat(pool.getPassword()).isNull();
            assertThat(pool.getJdbcUrl()).isNull();
            assertThat(pool.getDataSourceProperties()).isEmpty();
            assertThat(pool.getDataSource().toString()).doesNotContain(password);
        }
    }

    @Test
    void reportsAMissingDatabaseAsConnectionFailed() {
        PostgresUrl missing = database.url().withDatabase(database.name() + "_missing");

        assertThatThrownBy(() -> PostgresTarget.connect(missing, 1))
                .isInstanceOfSatisfying(DbferryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                .hasMessageStartingWith("cannot connect to target " + missing.redacted() + ": ")
                .hasMessageContaining("does not exist")
                .hasMessageEndingWith("; create the database first or name an existing one");
    }
}
