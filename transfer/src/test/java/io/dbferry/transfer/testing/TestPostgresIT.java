package io.dbferry.transfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresIT {

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection admin = TestPostgres.connect(TestPostgres.adminUrl());
             PreparedStatement statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Test
    void describesTheServerItFoundWithoutAPassword() {
        String password = TestPostgres.adminUrl().password();

        assertThat(TestPostgres.description()).contains(TestPostgres.adminUrl().redacted());
        if (password != null) {
            assertThat(TestPostgres.description()).doesNotContain(password);
        }
    }

    @Test
    void givesEachTestAnEmptyDatabaseOfItsOwn() throws SQLException {
        try (TestDatabase first = TestPostgres.freshDatabase();
             TestDatabase second = TestPostgres.freshDatabase();
             Connection connection = first.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rows.next();
            assertThat(first.name()).matches("dbferry_test_[0-9a-f]{16}").isNotEqualTo(second.name());
            assertThat(rows.getString(1)).isEqualTo(first.name());
            assertThat(rows.getLong(2)).isZero();
        }
    }

    @Test
    void dropsTheDatabaseOnCloseEvenWhileConnected() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        try (Connection stillOpen = database.connect()) {
            assertThat(stillOpen.isValid(2)).isTrue();

            database.close();

            assertThat(databaseExists(database.name())).isFalse();
            assertThat(stillOpen.isValid(2)).isFalse();
        }
    }
}
