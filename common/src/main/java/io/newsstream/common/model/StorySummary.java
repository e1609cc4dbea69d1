package io.newsstream.common.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One story (one real-world event, many outlets) for dashboards, on the compacted topic
 * {@code news.dashboard.stories} keyed by story id. Each update replaces the previous value of the story.
 *
 * @param schemaVersion  wire version
 * @param storyId        story id ({@code st_} and the id of its first article)
 * @param title          representative headline: the first article's that has one
 * @param articles       articles in the story, near-verbatim copies included
 * @param copies         how many of them are near-verbatim copies of another
 * @param outlets        distinct outlets, sorted
 * @param firstSeen      earliest publication (or, when unknown, ingestion) time of its articles
 * @param lastSeen       latest publication (or ingestion) time of its articles
 * @param topEntities    the entities named by the most of its articles, most first
 * @param meanTone       mean document sentiment score of its articles, in [-1, 1]
 * @param tonePerOutlet  outlet to the mean sentiment score of its articles in the story
 */
public record StorySummary(
        int schemaVersion,
        String storyId,
        String title,
        long articles,
        long copies,
        List<String> outlets,
        Instant firstSeen,
        Instant lastSeen,
        List<EntityCount> topEntities,
        double meanTone,
        Map<String, Double> tonePerOutlet) {

    public static final int SCHEMA_VERSION = 1;

    public StorySummary {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
        tonePerOutlet = tonePerOutlet == null ? Map.of() : Map.copyOf(tonePerOutlet);
    }

    /**
     * How often a story names one entity.
     *
     * @param id       stable entity id
     * @param name     canonical name
     * @param type     entity type
     * @param articles articles of the story that name it
     * @param mentions mentions summed over those articles
     */
    public record EntityCount(String id, String name, EntityType type, long articles, long mentions) {
    }
}
