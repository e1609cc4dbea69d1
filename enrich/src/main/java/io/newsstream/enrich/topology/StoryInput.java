package io.newsstream.enrich.topology;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;

/**
 * What the parallel enrichment step sends to the single story step, on the internal topic
 * {@code <application.id>-stories-assign-repartition} (one partition), as JSON.
 *
 * @param kind          {@code enriched}, {@code copy} or {@code failed}
 * @param id            the article's id
 * @param article       kind enriched: the enriched article (no story yet)
 * @param content       kind enriched: MinHash signature of its content words
 * @param copy          kind copy: the copy as read
 * @param originalValue kind copy: the copy's original record value, for the dead-letter topic
 * @param duplicateOf   kind copy: the original's id
 * @param similarity    kind copy: body similarity to the original
 * @param failure       kind failed: why enrichment failed
 */
record StoryInput(String kind, String id, EnrichedArticle article, int[] content, RawArticle copy, byte[] originalValue,
                  String duplicateOf, double similarity, String failure) {

    static final String ENRICHED = "enriched";
    static final String COPY = "copy";
    static final String FAILED = "failed";

    static StoryInput enriched(EnrichedArticle article, int[] content) {
        return new StoryInput(ENRICHED, article.id(), article, content, null, null, null, 0, null);
    }

    static StoryInput copy(RawArticle copy, byte[] originalValue, String duplicateOf, double similarity) {
        return new StoryInput(COPY, copy.id(), null, null, copy, originalValue, duplicateOf, similarity, null);
    }

    static StoryInput failed(String id, String failure) {
        return new StoryInput(FAILED, id, null, null, null, null, null, 0, failure);
    }
}
