package io.newsstream.enrich.topology;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntitySentiment;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.LanguageDetector;
import io.newsstream.enrich.nlp.Mention;
import io.newsstream.enrich.nlp.Tone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic stand-ins for the models, so the topology's routing can be tested without loading
 * CoreNLP: capitalised word pairs are people, "BOOM" makes the recogniser throw, text starting with
 * "Der " is German.
 */
final class FakeNlp {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][a-z]+ [A-Z][a-z]+\\b");

    private FakeNlp() {
    }

    static Enricher enricher(int maxChars) {
        return enricher(maxChars, new AtomicInteger());
    }

    /** As {@link #enricher(int)}, counting recogniser runs in {@code modelRuns}. */
    static Enricher enricher(int maxChars, AtomicInteger modelRuns) {
        LanguageDetector language = text -> text.contains("Der ") ? "de" : "en";
        EntityRecognizer recognizer = text -> {
            modelRuns.incrementAndGet();
            if (text.contains("BOOM")) {
                throw new IllegalStateException("model exploded");
            }
            List<Mention> out = new ArrayList<>();
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                out.add(new Mention(m.group(), EntityType.PERSON, m.start(), m.end()));
            }
            return out;
        };
        return new Enricher(language, recognizer,
                (text, mentions, sentences) -> mentions.stream()
                        .map(x -> new Entity("ent_" + x.text().replace(' ', '_').toLowerCase(), x.text(), x.type(), 1,
                                List.of(), 1.0, new EntitySentiment(0, SentimentLabel.NEUTRAL), List.of(new Span(x.start(), x.end()))))
                        .toList(),
                (title, text) -> new Tone(new Sentiment(SentimentLabel.NEGATIVE, -0.5, 0.0, 0.5, 0.5), List.of()),
                new PipelineInfo("test", java.util.Map.of("ner", "fake")), maxChars, true,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
