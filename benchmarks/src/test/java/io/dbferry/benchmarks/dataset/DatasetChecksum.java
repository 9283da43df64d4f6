package io.dbferry.benchmarks.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a dataset's rows as SQLite returns them: every value of both tables in id order, with its
 * storage class. Equal checksums mean equal content even when the files' bytes differ.
 */
final class DatasetChecksum {

    private static final List<String> QUERIES = List.of("SELECT * FROM customers ORDER BY id",
            "SELECT * FROM orders ORDER BY id");

    private DatasetChecksum() {}

    static String of(Path file) throws SQLException {
        MessageDigest digest = sha256();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
                Statement statement = connection.createStatement()) {
            for (String sql : QUERIES) {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            update(digest, rows.getObject(i));
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Object value) {
        byte[] bytes = switch (value) {
            case null -> new byte[0];
            case byte[] blob -> blob;
            default -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
        String type = value == null ? "null" : value.getClass().getSimpleName();
        digest.update(type.getBytes(StandardCharsets.US_ASCII));
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
