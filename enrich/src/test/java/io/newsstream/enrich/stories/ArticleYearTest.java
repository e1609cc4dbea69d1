package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The year an article is compared on: {@link TextFeatures#latestYear} and {@link StoryFeatures}. */
class ArticleYearTest {

    @Test
    void shouldTakeTheLatestYearTheTextNames() {
        assertThat(TextFeatures.latestYear("Flood hits the valley", "Worse than in 1998 and 2004, said the mayor on "
                + "Monday, March 3, 2014. The last flood (2011) was smaller.", 2026)).isEqualTo(2014);
        assertThat(TextFeatures.latestYear("Storm season of 2019", "No year in the body.", 2026)).isEqualTo(2019);
        assertThat(TextFeatures.latestYear(null, null, 2026)).isZero();
    }

    @Test
    void shouldSkipNumbersThatAreNotYearsAndYearsAfterTheIngest() {
        assertThat(TextFeatures.latestYear(null, "It cost $2015 and 1,2019 units; 2017.5 tonnes; 12019 votes; "
                + "model X2016 and 2018km of road; a target for 2030.", 2026)).isZero();
        assertThat(TextFeatures.latestYear(null, "Before 1900 there was none; 1899 and 0999 are not years.", 2026))
                .isEqualTo(1900);
        assertThat(TextFeatures.latestYear(null, "By 2030 the plant closes; it opened in 2021.", 2026)).isEqualTo(2021);
        assertThat(TextFeatures.latestYear(null, "Published in 2025.", 2024)).isZero();
    }

    @Test
    void shouldTakeTheYearOfPublicationWhenKnownElseTheYearNamed() {
        Instant ingested = Instant.parse("2026-03-01T00:00:00Z");
        String text = "The trial of 2019 ended in 2021.";
        int named = StoryFeatures.yearNamed(null, text, ingested.toEpochMilli());
        assertThat(named).isEqualTo(2021);

        EnrichedArticle undated = enriched(null, ingested);
        EnrichedArticle dated = enriched(Instant.parse("2024-05-02T10:00:00Z"), ingested);

        assertThat(StoryFeatures.of(undated, new int[0], null, named, ingested.toEpochMilli()).year()).isEqualTo(2021);
        assertThat(StoryFeatures.of(dated, new int[0], null, named, ingested.toEpochMilli()).year()).isEqualTo(2024);
        assertThat(StoryFeatures.yearNamed(null, "In 2031 it opens.", ingested.toEpochMilli())).isZero();
    }

    private static EnrichedArticle enriched(Instant publishedAt, Instant ingestedAt) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "a", null, "Title", publishedAt, ingestedAt, "en",
                "Text.", List.of(), null, null, List.of(), ingestedAt, null);
    }
}
