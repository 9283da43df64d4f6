package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.connect.DatabaseUrl;
import io.dbferry.transfer.connect.EmbeddedPostgresUrl;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.connect.SqliteUrl;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Which way data moves, chosen from the kinds of SOURCE and TARGET: each command runs one branch per route. A new
 * direction is one more constant and one more branch in each command's {@code switch}.
 */
enum Route {
    /** A SQLite file into PostgreSQL: the original direction. */
    SQLITE_TO_POSTGRES,
    /** One schema of a PostgreSQL database into a SQLite file (issue 9). */
    POSTGRES_TO_SQLITE,
    /** One schema of a PostgreSQL database into another database or schema, with identical types (issue 9). */
    POSTGRES_TO_POSTGRES;

    /**
     * The route of a SOURCE and a TARGET as the user typed them.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} for a URL of no accepted form, or a SQLite target
     *     for a SQLite source
     */
    static Route of(String source, String target) {
        DatabaseUrl from = DatabaseUrl.parse(source);
        DatabaseUrl to = DatabaseUrl.parse(target);
        boolean postgresSource = from instanceof PostgresUrl || from instanceof EmbeddedPostgresUrl;
        if (from instanceof SqliteUrl) {
            if (to instanceof SqliteUrl) {
                throw new DbferryException(ErrorCode.INVALID_URL, "SOURCE and TARGET are both SQLite ("
                        + from.redacted() + ", " + to.redacted() + "); one of them must be PostgreSQL");
            }
            return SQLITE_TO_POSTGRES;
        }
        if (from instanceof EmbeddedPostgresUrl) {
            throw new DbferryException(ErrorCode.INVALID_URL, "SOURCE cannot be 'embedded': a throwaway server has "
                    + "no data to read; give a postgresql:// URL");
        }
        return postgresSource && to instanceof SqliteUrl ? POSTGRES_TO_SQLITE : POSTGRES_TO_POSTGRES;
    }

    /**
     * Refuses a route a command does not support yet.
     *
     * @param command the command's name, e.g. {@code "migrate"}
     * @throws DbferryException with {@link ErrorCode#INVALID_URL} naming the route and what works today
     */
    void refuse(String command) {
        throw new DbferryException(ErrorCode.INVALID_URL, command + " from " + label() + " is not supported yet; "
                + "supported: " + switch (command) {
                    case "migrate", "verify" -> "SQLite → PostgreSQL, PostgreSQL → SQLite and PostgreSQL → PostgreSQL";
                    case "plan", "compare" -> "SQLite → PostgreSQL and PostgreSQL → SQLite";
                    default -> "SQLite → PostgreSQL";
                });
    }

    /**
     * Refuses options that have no meaning on this route, so that none is silently ignored.
     *
     * @param parsed the command's parse result, never null
     * @param options the option names that do not apply, e.g. {@code "--cast"}
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} (exit code 2) naming the options given
     */
    void refuseOptions(ParseResult parsed, List<String> options) {
        List<String> given = options.stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, String.join(", ", given) + (given.size() == 1
                    ? " does" : " do") + " not apply to " + label() + "; leave " + (given.size() == 1 ? "it" : "them")
                    + " out");
        }
    }

    /**
     * The route as messages say it.
     *
     * @return e.g. {@code "PostgreSQL → SQLite"}, never null
     */
    String label() {
        return switch (this) {
            case SQLITE_TO_POSTGRES -> "SQLite → PostgreSQL";
            case POSTGRES_TO_SQLITE -> "PostgreSQL → SQLite";
            case POSTGRES_TO_POSTGRES -> "PostgreSQL → PostgreSQL";
        };
    }
}
