package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Example rows: value text cut to {@link Example#MAX_VALUE_CHARS} characters, keys shown in key order. */
class ExampleTest {

    @Test
    void keepsAValueOfExactlyEightyCharacters() {
        String value = "v".repeat(80);

        assertThat(new Example(Map.of(), value).value()).isEqualTo(value);
    }

    @Test
    void cutsALongerValueToEightyCharactersEndingInAnEllipsis() {
        String value = "'" + "abcdefghij".repeat(10) + "'";

        String shown = new Example(Map.of(), value).value();

        assertThat(shown).hasSize(80).endsWith("…").isEqualTo(value.substring(0, 79) + "…");
    }

    @Test
    void neverCutsACharacterOutsideTheBasicPlaneInHalf() {
        // "😀" is two chars (a surrogate pair) whose first would be the 79th: the whole character goes.
        String value = "a".repeat(78) + "😀" + "b".repeat(10);

        assertThat(new Example(Map.of(), value).value()).isEqualTo("a".repeat(78) + "…");
    }

    @Test
    void showsACompositeKeyInKeyOrder() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("b", "'x'");
        key.put("a", "1");

        assertThat(new Example(key, "NULL").keyText()).isEqualTo("b='x', a=1");
    }

    @Test
    void showsARowidKeyAsOneColumn() {
        assertThat(new Example(Map.of("rowid", "7"), "'abc'").keyText()).isEqualTo("rowid=7");
    }

    @Test
    void showsNoKeyAsEmptyText() {
        assertThat(new Example(Map.of(), "42").keyText()).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("id", "1");
        Example example = new Example(key, "42");

        key.put("other", "2");

        assertThat(example.key()).containsOnlyKeys("id");
        assertThatThrownBy(() -> example.key().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAMissingKeyOrValue() {
        assertThatThrownBy(() -> new Example(null, "1")).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> new Example(Map.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }
}
