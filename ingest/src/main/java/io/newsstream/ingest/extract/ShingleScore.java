package io.newsstream.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring of the article-extraction benchmark (scrapinghub/article-extraction-benchmark,
 * {@code evaluate.py}), reimplemented exactly: texts are split into word tokens ({@code \w+} as Python
 * reads it: letters, numbers and the underscore), compared as multisets of 4-token shingles, and each
 * page's true positives, false positives and false negatives are normalised to sum to one, so a long
 * page weighs no more than a short one. Precision and recall are the means over the pages, F1 their
 * harmonic mean. The bootstrap spread {@code evaluate.py} also prints is left out.
 */
public final class ShingleScore {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int NGRAM = 4;

    private ShingleScore() {
    }

    /** One page's shares of true positives, false positives and false negatives (summing to 1, or all 0). */
    public record Counts(double tp, double fp, double fn) {
    }

    /** Mean precision and recall over the pages, and their harmonic mean. */
    public record Result(double f1, double precision, double recall, int pages) {
    }

    /** Compares one page's extracted text with its true article body. */
    public static Counts match(String truth, String predicted) {
        Map<String, Integer> t = shingles(truth);
        Map<String, Integer> p = shingles(predicted);
        Set<String> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double s = tp + fp + fn;
        return s > 0 ? new Counts(tp / s, fp / s, fn / s) : new Counts(0, 0, 0);
    }

    /** The benchmark's F1, precision and recall over pages scored with {@link #match}. */
    public static Result aggregate(List<Counts> pages) {
        double precision = 0;
        int pn = 0;
        double recall = 0;
        int rn = 0;
        for (Counts c : pages) {
            if (c.tp() + c.fp() > 0) {
                precision += precision(c);
                pn++;
            }
            if (c.tp() + c.fn() > 0) {
                recall += recall(c);
                rn++;
            }
        }
        double p = precision / pn;
        double r = recall / rn;
        return new Result(2 * p * r / (p + r), p, r, pages.size());
    }

    static double precision(Counts c) {
        if (c.fp() == 0 && c.fn() == 0) {
            return 1;
        }
        return c.tp() == 0 && c.fp() == 0 ? 0 : c.tp() / (c.tp() + c.fp());
    }

    static double recall(Counts c) {
        if (c.fp() == 0 && c.fn() == 0) {
            return 1;
        }
        return c.tp() == 0 && c.fn() == 0 ? 0 : c.tp() / (c.tp() + c.fn());
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> out = new HashMap<>();
        // As evaluate.py: a text of fewer than four tokens is one shorter shingle; no tokens, none.
        int n = Math.max(1, tokens.size() - NGRAM + 1);
        for (int i = 0; i < n && i < Math.max(tokens.size(), 1); i++) {
            List<String> gram = tokens.subList(Math.min(i, tokens.size()), Math.min(i + NGRAM, tokens.size()));
            if (!gram.isEmpty()) {
                out.merge(String.join("\u0000", gram), 1, Integer::sum);
            }
        }
        return out;
    }
}
