package io.newsstream.common.model;

/**
 * Tone of the sentences that mention one entity.
 *
 * @param score compound score in [-1, 1]
 * @param label the label that score maps to
 */
public record EntitySentiment(double score, SentimentLabel label) {
}
