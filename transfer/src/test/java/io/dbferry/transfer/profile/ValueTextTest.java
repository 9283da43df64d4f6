package io.dbferry.transfer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.compare.Example;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example values read like SQL literals and show what is invisible. */
class ValueTextTest {

    private static SourceValue text(String s) {
        return new SourceValue(StorageClass.TEXT, s);
    }

    @Test
    void rendersEachStorageClassAsASqlLiteral() {
        assertThat(SourceValue.NULL.sqlText()).isEqualTo("NULL");
        assertThat(new SourceValue(StorageClass.INTEGER, 42L).sqlText()).isEqualTo("42");
        assertThat(new SourceValue(StorageClass.REAL, 1.5).sqlText()).isEqualTo("1.5");
        assertThat(text("it's").sqlText()).isEqualTo("'it''s'");
        assertThat(new SourceValue(StorageClass.BLOB, new byte[] {0, (byte) 0xFF}).sqlText()).isEqualTo("x'00FF'");
    }

    @Test
    void keepsControlCharactersAndInvalidBytesVisible() {
        assertThat(text("a\tb\nc\u0000d\u0085").sqlText()).isEqualTo("'a\\tb\\nc\\u0000d\\u0085'");
        byte[] latin1 = "né\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new SourceValue(StorageClass.TEXT, latin1).sqlText()).isEqualTo("'n\\xE9\\u0000'");
    }

    @Test
    void stopsRenderingLongValuesJustPastWhatAnExampleKeeps() {
        String rendered = text("x".repeat(10_000)).sqlText();

        assertThat(rendered).hasSizeLessThan(Example.MAX_VALUE_CHARS + 10);
        assertThat(new Example(java.util.Map.of(), rendered).value()).hasSize(Example.MAX_VALUE_CHARS).endsWith("…");
    }

    @Test
    void rendersCompositeKeysAsTuples() {
        assertThat(ValueText.tuple(List.of(text("a"), new SourceValue(StorageClass.INTEGER, 1L))))
                .isEqualTo("('a', 1)");
        assertThat(ValueText.tuple(List.of(text("a")))).isEqualTo("'a'");
    }
}
