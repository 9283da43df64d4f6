package io.dbferry.transfer.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Percent-encoding of URI components as libpq reads them
 * (<a href="https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS">libpq
 * §34.1.1.2</a>): {@code %XX} is one byte of UTF-8 and {@code +} is a plus sign, not a space.
 */
final class PercentEncoding {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private PercentEncoding() {
    }

    /** Encodes every byte outside RFC 3986's unreserved characters. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /**
     * Decodes {@code %XX} escapes.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits, or encodes NUL
     *     (libpq rejects both)
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
                continue;
            }
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                throw new IllegalArgumentException("a % is not followed by two hexadecimal digits");
            }
            int value = HexFormat.fromHexDigits(text, i + 1, i + 3);
            if (value == 0) {
                throw new IllegalArgumentException("%00 (NUL) is not allowed");
            }
            bytes.write(value);
            i += 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
