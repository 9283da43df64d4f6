package io.dbferry.transfer.connect;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libpq's password file ({@code ~/.pgpass}): lines {@code hostname:port:database:username:password}, read
 * with the rules of <a href="https://www.postgresql.org/docs/current/libpq-pgpass.html">libpq §34.16</a> and
 * libpq's {@code passwordFromFile()}.
 */
final class PasswordFile {

    private static final int KEY_FIELDS = 4;

    private PasswordFile() {
    }

    /**
     * The password of the first line matching the URL's host, port, database and user.
     *
     * @return empty when the file is missing, unreadable, has no matching line, or the matching line's
     *     password is empty
     */
    static Optional<String> lookup(Path file, PostgresUrl url) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        String text;
        try {
            // Decoded leniently: a line in another encoding must not hide the lines after it.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "cannot read the password file " + file + ": " + e.getMessage()
                            + "; fix it or set PGPASSFILE to another file", e);
        }
        List<String> keys = List.of(url.host(), Integer.toString(url.port()), url.database(), url.user());
        return text.lines()
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(PasswordFile::fields)
                .filter(fields -> matches(fields, keys))
                .findFirst()
                .map(fields -> fields.get(KEY_FIELDS).value())
                .filter(password -> !password.isEmpty());
    }

    /** Whether a line's first four fields match the keys; a line with fewer than five fields never does. */
    static boolean matches(List<Field> fields, List<String> keys) {
        if (fields.size() <= KEY_FIELDS) {
            return false;
        }
        for (int i = 0; i < KEY_FIELDS; i++) {
            if (!fields.get(i).matches(keys.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Splits a line at each unescaped {@code :}, removing the backslash of every escape. */
    static List<Field> fields(String line) {
        List<Field> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                value.append(line.charAt(++i));
                escaped = true;
            } else if (c == ':') {
                fields.add(new Field(value.toString(), escaped));
                value.setLength(0);
                escaped = false;
            } else {
                value.append(c);
            }
        }
        fields.add(new Field(value.toString(), escaped));
        return fields;
    }

    /**
     * One field of a line.
     *
     * @param value the text with escapes removed
     * @param escaped whether the field held an escape: {@code \*} is a literal star, not a wildcard
     */
    record Field(String value, boolean escaped) {

        /** libpq: a field that is exactly {@code *} matches anything, any other field matches itself. */
        boolean matches(String key) {
            return value.equals("*") && !escaped || value.equals(key);
        }
    }
}
