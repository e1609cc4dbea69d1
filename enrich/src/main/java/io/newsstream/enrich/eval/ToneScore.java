package io.newsstream.enrich.eval;

import java.util.List;
import java.util.Locale;

/** Tone accuracy over three classes, with the confusion matrix (gold rows, predicted columns). */
public final class ToneScore {

    /** The classes, in matrix order. */
    public static final List<String> CLASSES = List.of("positive", "neutral", "negative");

    private final int[][] confusion = new int[CLASSES.size()][CLASSES.size()];

    /** Counts one article; a gold or predicted tone outside {@link #CLASSES} is not counted. */
    public void add(String gold, String predicted) {
        int g = CLASSES.indexOf(gold == null ? "" : gold.toLowerCase(Locale.ROOT));
        int p = CLASSES.indexOf(predicted == null ? "" : predicted.toLowerCase(Locale.ROOT));
        if (g >= 0 && p >= 0) {
            confusion[g][p]++;
        }
    }

    /** Articles whose gold tone is {@code gold} and predicted tone {@code predicted}. */
    public int count(String gold, String predicted) {
        return confusion[CLASSES.indexOf(gold)][CLASSES.indexOf(predicted)];
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public int correct() {
        int n = 0;
        for (int i = 0; i < confusion.length; i++) {
            n += confusion[i][i];
        }
        return n;
    }

    public double accuracy() {
        return EvalReport.ratio(correct(), total());
    }
}
