package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values to text, varchar(n) and char(n) (PostgreSQL docs §8.3). */
class TextTransformTest {

    private final TextTransform text = TextTransform.UNLIMITED;
    private final TextTransform three = new TextTransform(3);

    @Test
    void keepsTextAsIs() {
        String value = "héllo, wörld 😀";
        assertThat(converted(text.apply(value))).isSameAs(value);
    }

    @Test
    void writesIntegerAsDecimalText() {
        assertThat(converted(text.apply(-42L))).isEqualTo("-42");
    }

    @Test
    void writesRealAsJavaText() {
        assertThat(converted(text.apply(1.98))).isEqualTo("1.98");
        assertThat(converted(text.apply(100.0))).isEqualTo("100.0");
        assertThat(converted(text.apply(1e20))).isEqualTo("1.0E20");
    }

    @Test
    void decodesValidUtf8Blob() {
        // hex(cast('é' as blob)) = C3A9
        assertThat(converted(text.apply(new byte[] {0x61, (byte) 0xC3, (byte) 0xA9}))).isEqualTo("aé");
        assertThat(converted(text.apply(new byte[0]))).isEqualTo("");
    }

    @Test
    void rejectsMalformedUtf8NamingTheOffset() {
        assertThat(rejectMessage(text.apply(new byte[] {0x61, (byte) 0xC3, 0x28}), RejectReason.INVALID_UTF8))
                .isEqualTo("x'61C328' (3 bytes) is not valid UTF-8: malformed sequence at byte offset 1");
    }

    @Test
    void rejectsOverlongAndSurrogateEncodings() {
        rejectMessage(text.apply(new byte[] {(byte) 0xC0, (byte) 0x80}), RejectReason.INVALID_UTF8);
        rejectMessage(text.apply(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), RejectReason.INVALID_UTF8);
        rejectMessage(text.apply(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                RejectReason.INVALID_UTF8);
    }

    @Test
    void rejectsTruncatedSequenceAtTheEnd() {
        rejectMessage(text.apply(new byte[] {0x61, (byte) 0xE2, (byte) 0x82}), RejectReason.INVALID_UTF8);
    }

    @Test
    void rejectsNulInText() {
        assertThat(rejectMessage(text.apply("a\0b"), RejectReason.NUL_IN_TEXT))
                .isEqualTo("'a\\u0000b' contains a NUL character (U+0000) at character 2, which PostgreSQL text"
                        + " cannot hold");
    }

    @Test
    void rejectsNulInDecodedBlob() {
        rejectMessage(text.apply(new byte[] {0x61, 0x00}), RejectReason.NUL_IN_TEXT);
    }

    @Test
    void countsNulPositionInCodePoints() {
        assertThat(rejectMessage(text.apply("😀\0"), RejectReason.NUL_IN_TEXT)).contains("at character 2");
    }

    @Test
    void rejectsUnpairedSurrogate() {
        assertThat(rejectMessage(text.apply("a\uD800b"), RejectReason.INVALID_UTF8))
                .isEqualTo("'a\uD800b' contains an unpaired surrogate (U+D800) at character 2, which has no UTF-8"
                        + " form");
        rejectMessage(text.apply("a\uDC00"), RejectReason.INVALID_UTF8);
        rejectMessage(text.apply("a\uD800"), RejectReason.INVALID_UTF8);
    }

    @Test
    void countsLengthInCodePoints() {
        // length('😀😀😀') = 3 in SQLite, 6 UTF-16 chars in Java
        assertThat(converted(three.apply("😀😀😀"))).isEqualTo("😀😀😀");
    }

    @Test
    void rejectsTextLongerThanTheLimit() {
        assertThat(rejectMessage(three.apply("abcd"), RejectReason.TEXT_TOO_LONG))
                .isEqualTo("'abcd' is 4 characters long, more than the 3 the column holds");
        rejectMessage(three.apply("😀😀😀😀"), RejectReason.TEXT_TOO_LONG);
        rejectMessage(three.apply(12345L), RejectReason.TEXT_TOO_LONG);
        rejectMessage(three.apply("abcd".getBytes(StandardCharsets.UTF_8)), RejectReason.TEXT_TOO_LONG);
    }

    @Test
    void passesExcessSpacesForPostgresToTruncate() {
        assertThat(converted(three.apply("abc   "))).isEqualTo("abc   ");
        rejectMessage(three.apply("ab   c"), RejectReason.TEXT_TOO_LONG);
        rejectMessage(three.apply("abc\t"), RejectReason.TEXT_TOO_LONG);
    }

    @Test
    void refusesNegativeLimit() {
        assertThatThrownBy(() -> new TextTransform(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength must be ≥ 0, was -1");
    }
}
