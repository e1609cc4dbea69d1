package io.newsstream.enrich.stories;

import java.util.Objects;

/**
 * One open story as kept in state.
 *
 * @param id             story id: {@code st_} and the id of its first article
 * @param firstSeen      ingest time of its first article, epoch milliseconds
 * @param lastSeen       latest ingest time of its articles; the quiet period counts from here
 * @param lastPublished  latest known publication time of its articles, or null
 * @param articles       articles assigned, copies included
 * @param language       language of its first article (its words are in it), or null when unknown
 * @param terms          centroid of its articles' TF-IDF word vectors (each of unit length when added),
 *                       the heaviest {@link StoryAssigner#CENTROID_TERMS} terms
 * @param entities       centroid of its articles' IDF-weighted entity vectors, likewise
 * @param latestYear     the latest of its original articles' years ({@link ArticleFeatures#year}), 0 when none
 *                       is known
 */
public record StoryState(String id, long firstSeen, long lastSeen, Long lastPublished, int articles,
                         String language, TermVector terms, TermVector entities, int latestYear) {

    public StoryState {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(entities, "entities");
    }

    /** A story with no year known. */
    public StoryState(String id, long firstSeen, long lastSeen, Long lastPublished, int articles, String language,
                      TermVector terms, TermVector entities) {
        this(id, firstSeen, lastSeen, lastPublished, articles, language, terms, entities, 0);
    }
}
