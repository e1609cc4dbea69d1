package io.newsstream.enrich.stories;

import java.util.List;

/**
 * One open story as kept in state.
 *
 * @param id             story id: {@code st_} and the id of its first article
 * @param firstSeen      ingest time of its first article, epoch milliseconds
 * @param lastSeen       latest ingest time of its articles; the quiet period counts from here
 * @param lastPublished  latest known publication time of its articles, or null
 * @param articles       articles assigned, copies included
 * @param representatives the articles a newcomer is compared with (the first and the latest few), kept in
 *                        the story so that scoring a candidate story is one read
 */
public record StoryState(String id, long firstSeen, long lastSeen, Long lastPublished, int articles,
                         List<ArticleFeatures> representatives) {

    public StoryState {
        representatives = List.copyOf(representatives);
    }
}
