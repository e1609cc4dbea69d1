package io.newsstream.enrich.eval;

import java.util.List;

/**
 * Entity quality over a set of gold documents: per-document scores and the micro average
 * (true/false positives and false negatives summed over documents).
 *
 * @param documents documents scored, in gold-file order
 * @param unknown   reported documents the gold file does not describe (not scored)
 */
public record EvalReport(List<DocScore> documents, List<String> unknown) {

    public EvalReport {
        documents = List.copyOf(documents);
        unknown = List.copyOf(unknown);
    }

    public int truePositives() {
        return documents.stream().mapToInt(DocScore::truePositives).sum();
    }

    public int falsePositives() {
        return documents.stream().mapToInt(DocScore::falsePositives).sum();
    }

    public int falseNegatives() {
        return documents.stream().mapToInt(DocScore::falseNegatives).sum();
    }

    /** Micro-averaged precision; 0 when nothing was reported. */
    public double precision() {
        return ratio(truePositives(), truePositives() + falsePositives());
    }

    /** Micro-averaged recall; 0 when the gold documents have no entities. */
    public double recall() {
        return ratio(truePositives(), truePositives() + falseNegatives());
    }

    public double f1() {
        return f1(precision(), recall());
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
