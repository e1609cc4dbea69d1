package io.newsstream.enrich.nlp;

import io.newsstream.common.model.Sentiment;
import java.util.List;

/**
 * What a {@link SentimentScorer} says of one article.
 *
 * @param document  the document's tone
 * @param sentences per-sentence tone of the body text, in text order
 */
public record Tone(Sentiment document, List<ScoredSentence> sentences) {
    public Tone {
        sentences = List.copyOf(sentences);
    }
}
