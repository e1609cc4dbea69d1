package io.newsstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Source;
import io.newsstream.enrich.nlp.Tone;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final LanguageModels NOTHING = new LanguageModels(text -> List.of(),
            (text, mentions, sentences) -> List.of(),
            (title, text) -> new Tone(new io.newsstream.common.model.Sentiment(SentimentLabel.NEGATIVE, -0.5, 0, 0.5, 0.5), List.of()));

    @Test
    void shouldBuildALanguagesModelsOnceOnFirstUse() {
        AtomicInteger built = new AtomicInteger();
        Languages languages = Languages.builder()
                .add("en", () -> NOTHING)
                .add("de", () -> {
                    built.incrementAndGet();
                    return NOTHING;
                })
                .build();

        assertThat(languages.codes()).containsExactly("en", "de");
        assertThat(languages.loaded("de")).isFalse();
        assertThat(built).hasValue(0);
        assertThat(languages.models("de")).containsSame(NOTHING);
        assertThat(languages.models("de")).containsSame(NOTHING);
        assertThat(built).hasValue(1);
        assertThat(languages.loaded("de")).isTrue();
        assertThat(languages.models("ko")).isEmpty();
    }

    @Test
    void shouldRejectEveryArticleOfALanguageWhoseModelsCannotLoadWithTheReason() {
        AtomicInteger attempts = new AtomicInteger();
        Languages languages = Languages.builder()
                .add("en", () -> NOTHING)
                .add("fr", () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("cannot load the fr NER model 'x.crf.ser.gz'");
                })
                .build();
        Map<String, String> detected = Map.of("Bonjour", "fr", "Hello", "en", "Annyeong", "ko");
        Enricher enricher = new Enricher(text -> detected.get(text.substring(0, text.indexOf(' '))), languages,
                new PipelineInfo("test", Map.of()), 100_000, true, Clock.systemUTC());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> enricher.enrich(article("Bonjour tout le monde.")))
                    .isInstanceOf(RejectedArticleException.class)
                    .hasMessageContaining("language 'fr'")
                    .hasMessageContaining("x.crf.ser.gz");
        }
        assertThat(attempts).as("a failed load is not retried for every article").hasValue(1);
        assertThat(enricher.enrich(article("Hello world.")).sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        EnrichedArticle korean = enricher.enrich(article("Annyeong haseyo."));
        assertThat(korean.flags()).contains(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
        assertThat(korean.sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    private static RawArticle article(String text) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, "a-" + Math.abs(text.hashCode()), new Source("test", null),
                null, null, Instant.parse("2026-01-01T00:00:00Z"), null, text);
    }
}
