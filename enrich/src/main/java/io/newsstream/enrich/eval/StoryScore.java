package io.newsstream.enrich.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Same-story clustering quality: pairwise precision / recall / F1 (over all pairs of articles: a pair is
 * positive when both are in one story) and BCubed precision / recall / F1 (per article: the share of its
 * predicted story that shares its gold story, and the reverse, averaged over articles).
 *
 * @param articles         articles scored (those with a gold story)
 * @param goldStories      distinct gold stories among them
 * @param predictedStories distinct predicted stories among them
 */
public record StoryScore(int articles, int goldStories, int predictedStories,
                         long truePairs, long predictedPairs, long goldPairs,
                         double bcubedPrecision, double bcubedRecall) {

    /**
     * Scores {@code predicted} against {@code gold}, both article id to story; only articles in both count.
     */
    public static StoryScore of(Map<String, String> gold, Map<String, String> predicted) {
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predSize = new HashMap<>();
        Map<String, Integer> cell = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String p = predicted.get(e.getKey());
            if (p == null || e.getValue() == null) {
                continue;
            }
            n++;
            goldSize.merge(e.getValue(), 1, Integer::sum);
            predSize.merge(p, 1, Integer::sum);
            cell.merge(e.getValue() + '\u0000' + p, 1, Integer::sum);
        }
        long tp = 0;
        for (int c : cell.values()) {
            tp += pairs(c);
        }
        long predictedPairs = 0;
        for (int c : predSize.values()) {
            predictedPairs += pairs(c);
        }
        long goldPairs = 0;
        for (int c : goldSize.values()) {
            goldPairs += pairs(c);
        }
        double bp = 0;
        double br = 0;
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String p = predicted.get(e.getKey());
            if (p == null || e.getValue() == null) {
                continue;
            }
            double together = cell.get(e.getValue() + '\u0000' + p);
            bp += together / predSize.get(p);
            br += together / goldSize.get(e.getValue());
        }
        return new StoryScore(n, goldSize.size(), predSize.size(), tp, predictedPairs, goldPairs,
                n == 0 ? 0 : bp / n, n == 0 ? 0 : br / n);
    }

    /** Pairwise precision; 1 when no pair was predicted together. */
    public double precision() {
        return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
    }

    /** Pairwise recall; 1 when no two articles share a gold story. */
    public double recall() {
        return goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
    }

    public double f1() {
        return EvalReport.f1(precision(), recall());
    }

    public double bcubedF1() {
        return EvalReport.f1(bcubedPrecision, bcubedRecall);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
