package io.newsstream.enrich.eval;

import java.util.List;

/**
 * How the entities reported for one gold document scored.
 *
 * @param document       the gold file's key for the document (its file name)
 * @param truePositives  gold entities matched by a reported entity
 * @param falsePositives reported entities that match no gold (nor optional) entity, or repeat one
 * @param falseNegatives gold entities no reported entity matched
 * @param spurious       names of the false positives, for debugging
 * @param missed         names of the false negatives, for debugging
 */
public record DocScore(String document, int truePositives, int falsePositives, int falseNegatives,
                       List<String> spurious, List<String> missed) {

    public DocScore {
        spurious = List.copyOf(spurious);
        missed = List.copyOf(missed);
    }

    public double precision() {
        return EvalReport.ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return EvalReport.ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        return EvalReport.f1(precision(), recall());
    }
}
