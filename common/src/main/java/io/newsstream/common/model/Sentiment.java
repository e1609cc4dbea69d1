package io.newsstream.common.model;

/**
 * Tone of a whole document.
 *
 * @param label    what a careful reader would call the tone
 * @param score    compound score in [-1, 1]
 * @param positive share of the text that reads positive, in [0, 1]
 * @param negative share of the text that reads negative, in [0, 1]
 * @param neutral  share of the text that reads neutral, in [0, 1]; the three add up to 1
 */
public record Sentiment(SentimentLabel label, double score, double positive, double negative, double neutral) {
}
