package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the two PostgreSQL URL forms: libpq's connection URI
 * ({@code postgresql://[user[:password]@][host][:port][/dbname][?param=value&…]},
 * <a href="https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS">libpq
 * §34.1.1.2</a>) and pgjdbc's ({@code jdbc:postgresql://host:port/database?user=…&password=…}).
 *
 * <p>Messages never repeat the URL's parts: a password typed in the wrong place (say, where the port
 * belongs) must not be printed.
 */
final class PostgresUrlParser {

    private static final List<String> LIBPQ_SCHEMES = List.of("postgresql:", "postgres:");
    private static final String JDBC_SCHEME = "jdbc:postgresql:";
    private static final String LIBPQ_FORM = "postgresql://USER:PASSWORD@HOST:PORT/DATABASE?PARAM=VALUE";
    private static final String JDBC_FORM = "jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD";
    private static final String DEFAULT_HOST = "localhost";

    private final String form;
    private final UnaryOperator<String> decoder;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String host = "";
    private String port = "";
    private String database = "";
    private String user = "";
    private String password;

    private PostgresUrlParser(String form, UnaryOperator<String> decoder) {
        this.form = form;
        this.decoder = decoder;
    }

    /** Whether the text starts with one of the PostgreSQL schemes (case ignored). */
    static boolean accepts(String text) {
        return startsWithIgnoreCase(text, JDBC_SCHEME)
                || LIBPQ_SCHEMES.stream().anyMatch(scheme -> startsWithIgnoreCase(text, scheme));
    }

    /** Parses a text that {@link #accepts(String)}; throws {@code INVALID_URL} when it is malformed. */
    static PostgresUrl parse(String text, String defaultUser) {
        if (startsWithIgnoreCase(text, JDBC_SCHEME)) {
            PostgresUrlParser parser = new PostgresUrlParser(JDBC_FORM, PostgresUrlParser::formDecode);
            parser.readJdbc(text.substring(JDBC_SCHEME.length()));
            return parser.toUrl(defaultUser);
        }
        String rest = text.substring(text.indexOf(':') + 1);
        PostgresUrlParser parser = new PostgresUrlParser(LIBPQ_FORM, PercentEncoding::decode);
        if (!rest.startsWith("//")) {
            throw parser.invalid("postgresql: must be followed by //");
        }
        parser.readLibpq(rest.substring(2));
        return parser.toUrl(defaultUser);
    }

    private void readLibpq(String rest) {
        int at = indexOfAny(rest, "@/", 0);
        int position = 0;
        if (at < rest.length() && rest.charAt(at) == '@') {
            // libpq takes the first '@' before the first '/': a '@' inside a password must be written %40.
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            position = at + 1;
        }
        readRest(rest, position);
    }

    private void readJdbc(String rest) {
        if (!rest.startsWith("//")) {
            // pgjdbc's short form jdbc:postgresql:database
            int query = indexOfAny(rest, "?", 0);
            database = decode(rest.substring(rest.startsWith("/") ? 1 : 0, query));
            readParameters(rest, query);
            return;
        }
        if (rest.substring(0, indexOfAny(rest, "/?", 2)).contains("@")) {
            throw invalid("pgjdbc URLs take the user and password as parameters, not before an @");
        }
        readRest(rest, 2);
    }

    /** Reads {@code host[:port][/database][?parameters]} from {@code position} on. */
    private void readRest(String rest, int position) {
        int next = readHostAndPort(rest, position);
        if (next < rest.length() && rest.charAt(next) == '/') {
            int query = indexOfAny(rest, "?", next);
            database = decode(rest.substring(next + 1, query));
            next = query;
        }
        readParameters(rest, next);
    }

    private int readHostAndPort(String rest, int position) {
        int next;
        if (position < rest.length() && rest.charAt(position) == '[') {
            int close = rest.indexOf(']', position);
            if (close < 0) {
                throw invalid("an IPv6 address opened with [ has no closing ]");
            }
            host = rest.substring(position + 1, close);
            next = close + 1;
        } else {
            next = indexOfAny(rest, ":/?,", position);
            host = decode(rest.substring(position, next));
        }
        if (next < rest.length() && rest.charAt(next) == ':') {
            int end = indexOfAny(rest, "/?,", next + 1);
            port = rest.substring(next + 1, end);
            next = end;
        }
        if (next < rest.length() && "/?".indexOf(rest.charAt(next)) < 0) {
            throw invalid(rest.charAt(next) == ','
                    ? "several hosts are not supported: name one host" : "unexpected text after the host");
        }
        return next;
    }

    /** Reads {@code ?name=value&…} when {@code position} is at a {@code ?}. */
    private void readParameters(String rest, int position) {
        if (position >= rest.length()) {
            return;
        }
        for (String pair : rest.substring(position + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("every parameter after ? must be NAME=VALUE");
            }
            setParameter(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
    }

    /** As in libpq, a parameter overrides the same part written earlier in the URL. */
    private void setParameter(String name, String value) {
        switch (name) {
            case "user" -> user = value;
            case "password" -> password = value;
            case "host" -> host = value;
            case "port" -> port = value;
            case "dbname" -> database = value;
            default -> parameters.put(name, value);
        }
    }

    private PostgresUrl toUrl(String defaultUser) {
        if (host.startsWith("/")) {
            throw invalid("Unix-domain sockets are not supported: name a TCP host such as 127.0.0.1");
        }
        if (host.contains(",")) {
            throw invalid("several hosts are not supported: name one host");
        }
        String effectiveUser = user.isEmpty() ? defaultUser : user;
        String effectiveDatabase = database.isEmpty() ? effectiveUser : database;
        try {
            return new PostgresUrl(host.isEmpty() ? DEFAULT_HOST : host, portNumber(), effectiveDatabase,
                    effectiveUser, password, parameters);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private int portNumber() {
        if (port.isEmpty()) {
            return PostgresUrl.DEFAULT_PORT;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid("the port is not a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    private String decode(String text) {
        try {
            return decoder.apply(text);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message repeats its input, which may be a password: say only what is wrong.
            throw invalid("a %-escape is not two hexadecimal digits");
        }
    }

    private DbferryException invalid(String problem) {
        return new DbferryException(ErrorCode.INVALID_URL,
                "invalid PostgreSQL URL: " + problem + " (expected " + form + ")");
    }

    /** pgjdbc decodes the database and parameter values with {@code URLDecoder}: '+' is a space. */
    private static String formDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The index of the first of {@code characters} at or after {@code from}, or the text's length. */
    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
