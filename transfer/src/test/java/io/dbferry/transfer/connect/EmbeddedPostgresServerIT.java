package io.dbferry.transfer.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerIT {

    @Test
    void startsAServerThatAnswersAndStopsItOnClose() throws SQLException {
        PostgresUrl url;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            url = server.url();
            assertThat(url.host()).isEqualTo("127.0.0.1");
            assertThat(url.user()).isEqualTo("postgres");
            assertThat(url.database()).isEqualTo("postgres");

            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcCredentials());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl(), url.jdbcCredentials()).close())
                .isInstanceOf(SQLException.class);
    }
}
