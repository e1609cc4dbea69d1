package io.newsstream.common.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void shouldLowerCaseSchemeAndHostAndDropDefaultPortFragmentAndTrackingParameters() {
        assertThat(CanonicalUrl.normalise("HTTPS://News.Example.COM:443/World/Story-1.html?utm_source=tw&utm_medium=social&fbclid=abc#comments"))
                .isEqualTo("https://news.example.com/World/Story-1.html");
        assertThat(CanonicalUrl.normalise("http://example.com:80")).isEqualTo("http://example.com/");
        assertThat(CanonicalUrl.normalise("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }

    @Test
    void shouldKeepAndSortTheOtherParameters() {
        assertThat(CanonicalUrl.normalise("https://example.com/article?page=2&id=17&gclid=x&mc_cid=y"))
                .isEqualTo("https://example.com/article?id=17&page=2");
    }

    @Test
    void shouldResolveDotSegmentsAndNormaliseEscapes() {
        assertThat(CanonicalUrl.normalise("https://example.com/a/./b/../c%7e%2fd")).isEqualTo("https://example.com/a/c~%2Fd");
    }

    @Test
    void shouldHaveNoNormalFormForWhatIsNotAWebAddress() {
        assertThat(CanonicalUrl.normalise("ftp://example.com/a")).isNull();
        assertThat(CanonicalUrl.normalise("/relative/path")).isNull();
        assertThat(CanonicalUrl.normalise("not a url at all ::")).isNull();
        assertThat(CanonicalUrl.normalise(null)).isNull();
        assertThat(ArticleIds.fromUrl("mailto:desk@example.com")).isNull();
    }

    @Test
    void shouldGiveOnePageOneIdHoweverItIsLinked() {
        String id = ArticleIds.fromUrl("https://www.example.com/2025/03/harbour-plan");

        assertThat(id).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(ArticleIds.fromUrl("http://WWW.example.com/2025/03/harbour-plan?utm_campaign=x#top")).isEqualTo(id);
        assertThat(ArticleIds.fromUrl("https://www.example.com/2025/03/other-story")).isNotEqualTo(id);
        assertThat(ArticleIds.fromUrl("https://www.example.com/2025/03/harbour-plan?page=2")).isNotEqualTo(id);
    }
}
