package io.newsstream.common.model;

import java.time.Instant;

/**
 * An article as ingest publishes it to {@code news.articles.raw}: cleaned of page furniture, with a
 * stable id. Key on the topic: {@link #id()}.
 *
 * @param schemaVersion wire version of this record, {@link #SCHEMA_VERSION} when written by this code
 * @param id            stable id: given by the source, or derived from the normalised text
 * @param source        outlet and address
 * @param title         headline, may be null
 * @param publishedAt   publication time, null when unknown
 * @param ingestedAt    when ingest read it
 * @param language      optional ISO 639-1 hint from the source, null when not given
 * @param text          body text, page furniture removed
 */
public record RawArticle(
        int schemaVersion,
        String id,
        Source source,
        String title,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String text) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        source = source == null ? Source.UNKNOWN : source;
    }

    /** A record at the current schema version. */
    public static RawArticle of(String id, Source source, String title, Instant publishedAt,
                                Instant ingestedAt, String language, String text) {
        return new RawArticle(SCHEMA_VERSION, id, source, title, publishedAt, ingestedAt, language, text);
    }
}
