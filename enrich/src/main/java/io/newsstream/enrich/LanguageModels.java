package io.newsstream.enrich;

import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.EntityResolver;
import io.newsstream.enrich.nlp.SentimentScorer;
import java.util.Objects;

/** The models that enrich articles of one language: entity recognition and resolution, and tone. */
public record LanguageModels(EntityRecognizer recognizer, EntityResolver resolver, SentimentScorer sentiment) {
    public LanguageModels {
        Objects.requireNonNull(recognizer, "recognizer");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
