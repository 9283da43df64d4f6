package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalJson} (and {@link PlainJson}, for the documents it takes) writes the source's JSON exactly as
 * PostgreSQL's jsonb prints it — the target side of a
 * verification takes jsonb's text as read, so any mismatch here would be a false difference.
 */
class CanonicalJsonIT {

    private static final List<String> DOCUMENTS = List.of(
            "{\"sku\":\"A61145\",\"qty\":9,\"gift\":false,\"tags\":[]}",
            "{ \"b\": [1, 2.0, {\"y\": 1, \"x\": \"a\\u0041\"}],\n \"a\": null, \"a\": true }",
            "{\"é\":1,\"ab\":2,\"z\":3,\"zz\":{\"\":[{}]},\"😀\":0}",
            "[1.50, 1.5e-3, 1.0E+2, -0, -0.0, 0e5, 1E-7, -12.340, 12345678901234567890123.5]",
            "\"q\\\"b\\\\n\\n\\t\\r\\b\\f\\u0001\\u001f\\/é😀\\ud83d\\ude00\"",
            "{\"a\":{\"c\":1,\"b\":2,\"b\":3},\"A\":[true,false,null]}",
            "  42  ", "-0", "1.0", "[]", "{}", "null", "[-0.00, 0.10, {\"bb\": 1, \"a\": 2, \"bb\": 3}]");

    @Test
    void writesEachDocumentAsJsonbPrintsIt() throws Exception {
        try (TestDatabase database = TestPostgres.freshDatabase(); Connection c = database.connect();
                PreparedStatement select = c.prepareStatement("select ?::jsonb::text")) {
            for (String document : DOCUMENTS) {
                select.setString(1, document);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(CanonicalJson.of(document)).as(document).isEqualTo(rs.getString(1));
                    assertThat(CanonicalJson.of(rs.getString(1))).as("jsonb text of " + document)
                            .isEqualTo(rs.getString(1));
                    PlainJson.canonical(document).ifPresent(plain -> assertThat(plain).as("plain " + document)
                            .isEqualTo(CanonicalJson.of(document)));
                }
            }
        }
    }
}
