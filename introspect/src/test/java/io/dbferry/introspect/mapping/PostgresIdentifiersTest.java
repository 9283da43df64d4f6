package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's identifier rules (PostgreSQL docs §4.1.1): 63 bytes, unquoted spelling, reserved key words. */
class PostgresIdentifiersTest {

    @Test
    void keepsANameOfExactly63Bytes() {
        String name = "n".repeat(63);

        assertThat(PostgresIdentifiers.truncate(name)).isEqualTo(name);
    }

    @Test
    void cutsALongerAsciiNameTo63Bytes() {
        assertThat(PostgresIdentifiers.truncate("a".repeat(60) + "bcdefg")).isEqualTo("a".repeat(60) + "bcd");
    }

    @Test
    void cutsTwoByteCharactersAtACharacterBoundary() {
        // 40 × 2 bytes; 31 characters are 62 bytes and a 32nd would make 64.
        String truncated = PostgresIdentifiers.truncate("ü".repeat(40));

        assertThat(truncated).isEqualTo("ü".repeat(31));
        assertThat(truncated.getBytes(StandardCharsets.UTF_8)).hasSize(62);
    }

    @Test
    void neverSplitsASurrogatePair() {
        // 61 bytes of ASCII, then a 4-byte character: it does not fit, and half of it is not kept either.
        assertThat(PostgresIdentifiers.truncate("a".repeat(61) + "😀b")).isEqualTo("a".repeat(61));
    }

    @Test
    void cutsToAnyByteBudget() {
        assertThat(PostgresIdentifiers.truncate("Größe", 3)).isEqualTo("Gr");
        assertThat(PostgresIdentifiers.truncate("Größe", 4)).isEqualTo("Grö");
        assertThat(PostgresIdentifiers.truncate("Größe", 0)).isEmpty();
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(PostgresIdentifiers.utf8Length("abc")).isEqualTo(3);
        assertThat(PostgresIdentifiers.utf8Length("Größe")).isEqualTo(7);
        assertThat(PostgresIdentifiers.utf8Length("😀")).isEqualTo(4);
        assertThat(PostgresIdentifiers.MAX_BYTES).isEqualTo(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"album", "album_id", "_private", "a1", "price$", "name", "type", "key", "äpfel", "Äpfel",
        "größe", "名前"})
    void letsPlainLowerCaseAndNonAsciiNamesAndUnreservedKeyWordsGoUnquoted(String name) {
        // PostgreSQL folds only ASCII letters of unquoted names in UTF-8 (downcase_identifier in scansup.c).
        assertThat(PostgresIdentifiers.needsQuoting(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Album", "ALBUM", "first name", "1st", "e-mail", "a.b", "$x", "", "order", "user"})
    void quotesUpperCaseSpacesSymbolsLeadingDigitsAndReservedWords(String name) {
        assertThat(PostgresIdentifiers.needsQuoting(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "USER", "Order", "group", "table", "select", "limit", "authorization", "join"})
    void recognisesReservedKeyWordsInAnyCase(String name) {
        assertThat(PostgresIdentifiers.isReserved(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "name", "type", "key", "value", "date", "orders", "user_id"})
    void doesNotTakeUnreservedKeyWordsOrLookAlikesForReserved(String name) {
        assertThat(PostgresIdentifiers.isReserved(name)).isFalse();
    }
}
