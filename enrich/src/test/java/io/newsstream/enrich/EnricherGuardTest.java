package io.newsstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.enrich.nlp.Tone;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The input bounds {@link Enricher} checks before any model sees a text, so that no record on the raw
 * topic (ingest's checks can be bypassed by any producer) keeps a stream thread busy for long.
 */
class EnricherGuardTest {

    private final AtomicInteger modelCalls = new AtomicInteger();
    private final Enricher enricher = new Enricher(text -> "en",
            text -> {
                modelCalls.incrementAndGet();
                return List.of();
            },
            (text, mentions, sentences) -> List.of(),
            (title, text) -> new Tone(new Sentiment(SentimentLabel.NEUTRAL, 0, 0, 0, 1), List.of()),
            new PipelineInfo("test", Map.of()), 200_000, false, Clock.systemUTC());

    private static RawArticle article(String text) {
        return RawArticle.of("a1", null, null, null, Instant.EPOCH, null, text);
    }

    @Test
    void shouldRejectA199000CharacterTokenBeforeTheModelsRun() {
        assertThatThrownBy(() -> enricher.enrich(article("Intro. " + "A".repeat(199_000))))
                .isInstanceOf(RejectedArticleException.class)
                .hasMessage("text has a run of 199000 characters without a space (at most 1000); that is encoded data, not article text");
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void shouldRejectMoreWordsThanOneArticleMayTake() {
        assertThatThrownBy(() -> enricher.enrich(article("go ".repeat(50_000))))
                .isInstanceOf(RejectedArticleException.class)
                .hasMessage("text has 50000 words, over the limit of 40000 that one article may take to enrich; split it");
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void shouldEnrichTextJustInsideBothBounds() {
        String longWord = "x".repeat(Enricher.MAX_RUN_WITHOUT_SPACE);
        String text = "Prose with a long token " + longWord + " and " + "a ".repeat(Enricher.MAX_WORDS - 7);

        assertThat(enricher.enrich(article(text)).id()).isEqualTo("a1");
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void shouldCountWordsSeparatedByAnyUnicodeSpace() {
        // no-break spaces separate words as well as ASCII spaces do
        String text = "a\u00a0".repeat(Enricher.MAX_WORDS + 1);

        assertThatThrownBy(() -> enricher.enrich(article(text))).hasMessageStartingWith("text has 40001 words");
    }
}
