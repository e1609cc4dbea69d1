package io.newsstream.common.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void sameTextGetsTheSameIdWhateverItsQuotesDashesCaseAndSpacing() {
        String a = "The minister said: \u201cWe will act\u201d \u2014 today.\n\nMore follows.";
        String b = "  the minister said: \"we will act\" - today. more   follows.  ";
        assertThat(ArticleIds.fromText(a)).isEqualTo(ArticleIds.fromText(b)).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void differentWordsGetDifferentIds() {
        assertThat(ArticleIds.fromText("Prices rose today.")).isNotEqualTo(ArticleIds.fromText("Prices fell today."));
    }

    @Test
    void validIdsArePrintableWithoutSpaces() {
        assertThat(ArticleIds.isValid("abc-123_x.y")).isTrue();
        assertThat(ArticleIds.isValid("")).isFalse();
        assertThat(ArticleIds.isValid(null)).isFalse();
        assertThat(ArticleIds.isValid("has space")).isFalse();
        assertThat(ArticleIds.isValid("ctrl\u0001")).isFalse();
        assertThat(ArticleIds.isValid("x".repeat(129))).isFalse();
    }
}
