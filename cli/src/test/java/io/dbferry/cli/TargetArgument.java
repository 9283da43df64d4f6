package io.dbferry.cli;

import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A test database as a TARGET argument. */
final class TargetArgument {

    private TargetArgument() {}

    /** The URL with the password, if the server needs one, percent-encoded into it. */
    static String of(TestDatabase database) {
        PostgresUrl url = database.url();
        if (url.password() == null) {
            return url.redacted();
        }
        String password = URLEncoder.encode(url.password(), StandardCharsets.UTF_8).replace("+", "%20");
        return url.redacted().replaceFirst("@", ":" + password + "@");
    }
}
