package io.newsstream.common.model;

import java.time.Instant;
import java.util.List;

/**
 * Mentions of one canonical entity in one time window, on {@code news.dashboard.entities}, keyed by
 * {@code entityId@windowStart}. Each update replaces the previous value for the same key.
 *
 * @param schemaVersion wire version
 * @param entityId      stable entity id
 * @param name          canonical name
 * @param type          entity type
 * @param windowStart   inclusive start of the window
 * @param windowEnd     exclusive end of the window
 * @param mentions      mentions summed over the window's articles
 * @param articles      articles that name it
 * @param outlets       distinct outlets that name it, sorted
 * @param meanSentiment mean of its per-article sentiment score
 */
public record EntityWindowStats(
        int schemaVersion,
        String entityId,
        String name,
        EntityType type,
        Instant windowStart,
        Instant windowEnd,
        long mentions,
        long articles,
        List<String> outlets,
        double meanSentiment) {

    public static final int SCHEMA_VERSION = 1;

    public EntityWindowStats {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
    }
}
