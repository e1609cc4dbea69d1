package io.newsstream.enrich.nlp;

/** Scores the tone of an article. Implementations are thread-safe. */
public interface SentimentScorer {
    /**
     * @param title the headline, may be null
     * @param text  the body text
     * @return document tone and per-sentence tone of {@code text}
     */
    Tone score(String title, String text);
}
