package io.newsstream.enrich.sentiment;

/**
 * VADER's scores for one text: the shares of the text that read negative, neutral and positive
 * (adding up to 1, or all 0 for a text with no words) and the normalised compound in [-1, 1].
 */
public record VaderScores(double negative, double neutral, double positive, double compound) {
    /** The scores of a text with no words. */
    public static final VaderScores EMPTY = new VaderScores(0, 0, 0, 0);
}
