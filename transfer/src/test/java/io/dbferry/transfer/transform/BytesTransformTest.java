package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Values to bytea, as SQLite's CAST(x AS BLOB) gives them; expectations from {@code hex(cast(x as blob))}. */
class BytesTransformTest {

    private final BytesTransform transform = new BytesTransform();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void keepsBlobAsIs() {
        byte[] blob = {1, 2, 3};
        assertThat(converted(transform.apply(blob))).isSameAs(blob);
    }

    @Test
    void writesTextAsUtf8() {
        // hex(cast('é' as blob)) = C3A9
        assertThat((byte[]) converted(transform.apply("é"))).isEqualTo(hex("C3A9"));
    }

    @Test
    void writesIntegerAsItsDigits() {
        // hex(cast(42 as blob)) = 3432, hex(cast(-7 as blob)) = 2D37
        assertThat((byte[]) converted(transform.apply(42L))).isEqualTo(hex("3432"));
        assertThat((byte[]) converted(transform.apply(-7L))).isEqualTo(hex("2D37"));
    }

    @Test
    void writesRealAsItsText() {
        // hex(cast(1.98 as blob)) = 312E3938
        assertThat((byte[]) converted(transform.apply(1.98))).isEqualTo(hex("312E3938"));
    }
}
