package io.dbferry.transfer.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How reject messages quote source values. */
class RejectionsTest {

    @Test
    void quotesShortTextWhole() {
        assertThat(Rejections.quote("abc")).isEqualTo("'abc'");
    }

    @Test
    void cutsLongTextAfterSixtyCharactersAndGivesItsLength() {
        assertThat(Rejections.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(60) + "…' (100 characters)");
    }

    @Test
    void keepsTextOfExactlySixtyCharactersWhole() {
        assertThat(Rejections.quote("y".repeat(60))).isEqualTo("'" + "y".repeat(60) + "'");
    }

    @Test
    void doesNotSplitASurrogatePairWhenCutting() {
        String text = "a".repeat(59) + "😀" + "b".repeat(10);
        assertThat(Rejections.quote(text)).isEqualTo("'" + "a".repeat(59) + "…' (70 characters)");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(Rejections.quote("a\nb\tc\rd\0e\u007F")).isEqualTo("'a\\nb\\tc\\rd\\u0000e\\u007F'");
    }

    @Test
    void quotesBlobAsSqliteLiteralWithItsSize() {
        assertThat(Rejections.quote(new byte[] {0x0A, (byte) 0xFF})).isEqualTo("x'0AFF' (2 bytes)");
    }

    @Test
    void cutsLongBlobAfterThirtyBytes() {
        assertThat(Rejections.quote(new byte[40])).isEqualTo("x'" + "0".repeat(60) + "…' (40 bytes)");
    }

    @Test
    void printsNumbersAsJavaDoes() {
        assertThat(Rejections.quote(-7L)).isEqualTo("-7");
        assertThat(Rejections.quote(1.5e300)).isEqualTo("1.5E300");
    }

    @Test
    void namesTheJavaTypeOfValuesThatAreNoStorageClass() {
        assertThat(Rejections.unsupported(7, "uuid"))
                .isEqualTo(TransformResult.rejected(RejectReason.UNSUPPORTED_STORAGE_CLASS,
                        "a java.lang.Integer value cannot be converted to uuid"));
    }

    @Test
    void namesTheStorageClassOfUnsupportedValues() {
        assertThat(Rejections.unsupported(3.5, "uuid"))
                .isEqualTo(TransformResult.rejected(RejectReason.UNSUPPORTED_STORAGE_CLASS,
                        "REAL 3.5 cannot be converted to uuid"));
    }
}
