package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route of a command follows the kinds of its SOURCE and TARGET, never their order of mention. */
class RouteTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            app.db                          | postgresql://u@h/db | SQLITE_TO_POSTGRES
            sqlite:app.db                   | embedded            | SQLITE_TO_POSTGRES
            postgresql://u@h/db             | copy.sqlite         | POSTGRES_TO_SQLITE
            jdbc:postgresql://h/db?user=u   | sqlite:copy.db      | POSTGRES_TO_SQLITE
            postgresql://u@h/db             | postgresql://u@h/b  | POSTGRES_TO_POSTGRES
            """)
    void choosesTheRouteFromTheKindsOfBothUrls(String source, String target, Route route) {
        assertThat(Route.of(source, target)).isEqualTo(route);
    }

    @Test
    void refusesSqliteToSqliteAndAnEmbeddedSource() {
        assertThatThrownBy(() -> Route.of("a.db", "b.db")).isInstanceOf(DbferryException.class)
                .hasMessageContaining("one of them must be PostgreSQL");
        assertThatThrownBy(() -> Route.of("embedded", "b.db")).hasMessageContaining("SOURCE cannot be 'embedded'");
    }

    @Test
    void refusesPostgresToPostgresPlanAsNotYetSupported() {
        assertThatThrownBy(() -> Route.POSTGRES_TO_POSTGRES.refuse("plan"))
                .hasMessage("plan from PostgreSQL → PostgreSQL is not supported yet; supported: SQLite → "
                        + "PostgreSQL and PostgreSQL → SQLite")
                .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.INVALID_URL);
    }
}
