package io.newsstream.common.model;

import java.time.Instant;
import java.util.List;

/**
 * One flat record per article for dashboards, on the compacted topic {@code news.dashboard.articles}
 * keyed by article id. Flat on purpose: a dashboard tool can map it to a table row without nesting.
 *
 * @param schemaVersion  wire version
 * @param id             article id
 * @param title          headline
 * @param outlet         source name
 * @param url            source address
 * @param publishedAt    publication time, may be null
 * @param enrichedAt     when enrichment finished
 * @param language       detected language
 * @param sentimentLabel document tone label
 * @param sentimentScore document tone score in [-1, 1]
 * @param storyId        story id, may be null
 * @param duplicateOf    id of the article this one copies, may be null
 * @param entityCount    number of canonical entities
 * @param people         canonical names of PERSON entities, most salient first
 * @param organizations  canonical names of ORGANIZATION entities, most salient first
 * @param locations      canonical names of LOCATION entities, most salient first
 * @param topEntityIds   ids of the most salient entities, for joining with {@code news.dashboard.entities}
 */
public record DashboardArticle(
        int schemaVersion,
        String id,
        String title,
        String outlet,
        String url,
        Instant publishedAt,
        Instant enrichedAt,
        String language,
        SentimentLabel sentimentLabel,
        double sentimentScore,
        String storyId,
        String duplicateOf,
        int entityCount,
        List<String> people,
        List<String> organizations,
        List<String> locations,
        List<String> topEntityIds) {

    public static final int SCHEMA_VERSION = 1;

    public DashboardArticle {
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        locations = locations == null ? List.of() : List.copyOf(locations);
        topEntityIds = topEntityIds == null ? List.of() : List.copyOf(topEntityIds);
    }
}
