package io.dbferry.transfer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.CastRule;
import io.dbferry.introspect.mapping.CastRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueSuggestionsTest {

    /** The rule inside a suggested {@code --cast WORD}, as the shell would pass it on. */
    private static String ruleOf(String suggestion) {
        String word = suggestion.substring("--cast ".length());
        if (word.startsWith("'")) {
            return word.substring(1, word.length() - 1).replace("'\\''", "'");
        }
        return word.substring(1, word.length() - 1);
    }

    @Test
    void suggestsPlainNamesBare() {
        assertThat(IssueSuggestions.castRule("users", "age", "bigint")).isEqualTo("--cast \"column users.age to bigint\"");
    }

    @Test
    void quotesNamesWithSpacesDotsAndQuotesSoTheRuleParsesBack() {
        String suggestion = IssueSuggestions.castRule("Mixed Case", "a.\"b\"", "numeric");

        assertThat(suggestion).isEqualTo("--cast 'column \"Mixed Case\".\"a.\"\"b\"\"\" to numeric'");
        CastRule rule = CastRules.parse(List.of(ruleOf(suggestion))).rules().getFirst();
        CastRule.ColumnSelector selector = (CastRule.ColumnSelector) rule.selector();
        assertThat(selector.table().matchesExactly("Mixed Case")).isTrue();
        assertThat(selector.column().matchesExactly("a.\"b\"")).isTrue();
    }

    @Test
    void usesSingleQuotesForWordsAShellWouldExpandInDoubleQuotes() {
        assertThat(IssueSuggestions.shellWord("price$")).isEqualTo("'price$'");
        assertThat(IssueSuggestions.shellWord("it's \"x\"")).isEqualTo("'it'\\''s \"x\"'");
        assertThat(IssueSuggestions.shellWord("plain words")).isEqualTo("\"plain words\"");
    }

    @Test
    void offersTextForDuplicatesOnlyWhereConvertingMadeThem() {
        assertThat(IssueSuggestions.duplicateKey("t", List.of("at"), true)).contains("--cast \"column t.at to text\"");
        assertThat(IssueSuggestions.duplicateKey("t", List.of("email"), false)).doesNotContain("--cast");
    }
}
