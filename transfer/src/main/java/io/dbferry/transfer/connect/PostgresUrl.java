package io.dbferry.transfer.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A PostgreSQL database on a server reached over TCP.
 *
 * <p>{@link #toString()} is the {@link #redacted()} form: the password and secret parameters are never
 * printed.
 *
 * @param host the host name or IP address (IPv6 without brackets), never null or blank
 * @param port the TCP port, 1 to 65535
 * @param database the database name, never null or empty
 * @param user the user name, never null or empty
 * @param password the password, null when none is known (e.g. trust authentication or not resolved yet by
 *     {@link PostgresPasswords}); an empty password is stored as null
 * @param parameters further connection parameters in the order given (libpq names such as {@code sslmode}
 *     or {@code application_name}, or pgjdbc names), never null, possibly empty; copied; must not contain
 *     {@code user}, {@code password}, {@code host}, {@code port} or {@code dbname}
 */
public record PostgresUrl(String host, int port, String database, String user, String password,
                          Map<String, String> parameters) implements DatabaseUrl {

    /** The port when the URL names none, as in libpq. */
    public static final int DEFAULT_PORT = 5432;

    /** Parameters kept in their own components, never in {@link #parameters()}. */
    static final Set<String> COMPONENT_NAMES = Set.of("user", "password", "host", "port", "dbname");

    /** Parameters that are secrets: left out of {@link #redacted()} and {@link #jdbcUrl()}. */
    static final Set<String> SECRET_PARAMETERS = Set.of("sslpassword");

    /** libpq parameter names that pgjdbc spells differently (same values); others pass through unchanged. */
    private static final Map<String, String> PGJDBC_NAMES = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "gssencmode", "gssEncMode",
            "channel_binding", "channelBinding");

    /** libpq-only parameters that mean nothing to pgjdbc ({@code passfile} is read by {@link PostgresPasswords}). */
    private static final Set<String> CLIENT_ONLY_PARAMETERS = Set.of("passfile");

    /** Validates every component and copies the parameters. */
    public PostgresUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(parameters, "parameters");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        if (database.isEmpty() || user.isEmpty()) {
            throw new IllegalArgumentException("database and user must not be empty");
        }
        for (String name : parameters.keySet()) {
            if (name.isEmpty() || COMPONENT_NAMES.contains(name)) {
                throw new IllegalArgumentException("parameter name must not be empty or one of "
                        + COMPONENT_NAMES + ", was \"" + name + "\"");
            }
        }
        password = password == null || password.isEmpty() ? null : password;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The pgjdbc URL for this database, without the password or secret parameters (pass
     * {@link #jdbcCredentials()} alongside): {@code jdbc:postgresql://host:port/database?user=…&sslmode=…}.
     * libpq parameter names are translated to pgjdbc's ({@code application_name} → {@code ApplicationName}).
     *
     * @return never null; safe to print
     */
    public String jdbcUrl() {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("user=" + formEncode(user));
        parameters.forEach((name, value) -> {
            if (!SECRET_PARAMETERS.contains(name) && !CLIENT_ONLY_PARAMETERS.contains(name)) {
                query.add(PGJDBC_NAMES.getOrDefault(name, name) + "=" + formEncode(value));
            }
        });
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + formEncode(database) + query;
    }

    /**
     * The secrets pgjdbc needs alongside {@link #jdbcUrl()}: {@code password} and secret parameters such as
     * {@code sslpassword}, when present. Do not log them.
     *
     * @return a new mutable object, never null, possibly empty
     */
    public Properties jdbcCredentials() {
        Properties credentials = new Properties();
        if (password != null) {
            credentials.setProperty("password", password);
        }
        parameters.forEach((name, value) -> {
            if (SECRET_PARAMETERS.contains(name)) {
                credentials.setProperty(name, value);
            }
        });
        return credentials;
    }

    /**
     * This URL as a libpq URI without the password or secret parameters:
     * {@code postgresql://user@host:port/database?sslmode=require}. Parsing it gives this URL back, less
     * those.
     *
     * @return never null; safe to print
     */
    @Override
    public String redacted() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (!SECRET_PARAMETERS.contains(name)) {
                query.add(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value));
            }
        });
        return "postgresql://" + PercentEncoding.encode(user) + "@" + hostForUrl() + ":" + port + "/"
                + PercentEncoding.encode(database) + query;
    }

    /**
     * The same server, user, password and parameters with another database.
     *
     * @param otherDatabase the database name, never null or empty
     * @return a new URL, never null
     */
    public PostgresUrl withDatabase(String otherDatabase) {
        return new PostgresUrl(host, port, otherDatabase, user, password, parameters);
    }

    /**
     * The same URL with another password.
     *
     * @param otherPassword the password, null or empty for none
     * @return a new URL, never null
     */
    public PostgresUrl withPassword(String otherPassword) {
        return new PostgresUrl(host, port, database, user, otherPassword, parameters);
    }

    /** Returns {@link #redacted()}, so that a password can never reach a log line through this object. */
    @Override
    public String toString() {
        return redacted();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** pgjdbc decodes the database name and parameter values with {@code URLDecoder}, so '+' is a space. */
    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
