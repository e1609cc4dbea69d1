package io.newsstream.enrich.nlp;

/**
 * One sentence of the body text with its tone, used for per-entity sentiment.
 *
 * @param start start offset (inclusive) into the text
 * @param end   end offset (exclusive) into the text
 * @param score compound tone in [-1, 1]
 */
public record ScoredSentence(int start, int end, double score) {
}
