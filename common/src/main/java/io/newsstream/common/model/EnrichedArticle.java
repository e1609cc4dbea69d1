package io.newsstream.common.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as enrich publishes it to {@code news.articles.enriched}. Key on the topic: {@link #id()}.
 *
 * @param schemaVersion wire version of this record
 * @param id            the raw article's id
 * @param source        outlet and address
 * @param title         headline, may be null
 * @param publishedAt   publication time, may be null
 * @param ingestedAt    when ingest read it
 * @param language      detected ISO 639-1 language, {@code "und"} when it cannot be told
 * @param text          the text the offsets refer to; null when the deployment drops text
 * @param entities      canonical entities, most salient first
 * @param sentiment     document tone
 * @param story         story assignment, null until stories are assigned
 * @param flags         conditions a consumer should know of, e.g. {@code UNSUPPORTED_LANGUAGE}
 * @param enrichedAt    when enrichment finished
 * @param pipeline      code and model versions
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        Source source,
        String title,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String text,
        List<Entity> entities,
        Sentiment sentiment,
        StoryRef story,
        List<String> flags,
        Instant enrichedAt,
        PipelineInfo pipeline) {

    public static final int SCHEMA_VERSION = 1;

    /** Set when the language has no entity model: entities are left empty rather than guessed. */
    public static final String FLAG_UNSUPPORTED_LANGUAGE = "UNSUPPORTED_LANGUAGE";

    public EnrichedArticle {
        source = source == null ? Source.UNKNOWN : source;
        entities = entities == null ? List.of() : List.copyOf(entities);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** This article with the body text removed (for deployments that do not keep text). */
    public EnrichedArticle withoutText() {
        return new EnrichedArticle(schemaVersion, id, source, title, publishedAt, ingestedAt, language, null,
                entities, sentiment, story, flags, enrichedAt, pipeline);
    }

    /** This article with a story assigned. */
    public EnrichedArticle withStory(StoryRef newStory) {
        return new EnrichedArticle(schemaVersion, id, source, title, publishedAt, ingestedAt, language, text,
                entities, sentiment, newStory, flags, enrichedAt, pipeline);
    }
}
