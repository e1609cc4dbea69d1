package io.newsstream.enrich.topology;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.enrich.stories.NearDuplicateDetector;

/**
 * What the parallel enrichment step sends to the single story step, on the internal topic
 * {@code <application.id>-stories-repartition} (one partition), as JSON. Every kind carries the record's
 * original value (for the dead-letter topic, and the copy's own fields when it gets its original's
 * enrichment) and its body's copy signature, so that the story step decides what is a copy without
 * hashing a body itself.
 *
 * @param kind          {@code enriched}, {@code copy} (a likely copy: the models were skipped) or {@code failed}
 * @param id            the article's id
 * @param originalValue the raw record's value as read
 * @param shingles      how many distinct shingles the body has
 * @param signature     the MinHash signature of the body's shingles
 * @param article       kind enriched: the enriched article (no story yet)
 * @param terms         kind enriched: the article's content terms for story assignment
 * @param spellings     kind enriched: for an article in Hangul, the keys of its words (null from an older release)
 * @param exception     kind failed: the class of the exception that failed the enrichment
 * @param failure       kind failed: why enrichment failed
 * @param year          kind enriched: the latest year the headline or body names, not after the ingest year
 *                      ({@link io.newsstream.enrich.stories.StoryFeatures#yearNamed}); 0 for none, null from an
 *                      older release
 */
record StoryInput(String kind, String id, byte[] originalValue, int shingles, int[] signature,
                  EnrichedArticle article, int[] terms, String exception, String failure, int[] spellings, Integer year) {

    static final String ENRICHED = "enriched";
    static final String COPY = "copy";
    static final String FAILED = "failed";

    static StoryInput enriched(byte[] originalValue, NearDuplicateDetector.Content content, EnrichedArticle article,
                               int[] terms, int[] spellings, int year) {
        return new StoryInput(ENRICHED, article.id(), originalValue, content.shingles(), content.signature(), article,
                terms, null, null, spellings, year);
    }

    static StoryInput copy(String id, byte[] originalValue, NearDuplicateDetector.Content content) {
        return new StoryInput(COPY, id, originalValue, content.shingles(), content.signature(), null, null, null, null, null, null);
    }

    static StoryInput failed(String id, byte[] originalValue, NearDuplicateDetector.Content content, String exception,
                             String failure) {
        return new StoryInput(FAILED, id, originalValue, content.shingles(), content.signature(), null, null, exception,
                failure, null, null);
    }

    /** {@link #year}, 0 when not known. */
    int yearNamed() {
        return year == null ? 0 : year;
    }

    NearDuplicateDetector.Content content() {
        return new NearDuplicateDetector.Content(shingles, signature);
    }
}
