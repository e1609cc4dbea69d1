package io.newsstream.enrich.stories;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes what stories compare articles on: the most salient entities (by stable id) and the term
 * counts of the content words. Pure and thread-safe, so the topology computes it on the parallel
 * enrichment step and the single story step only weighs and compares.
 */
public final class StoryFeatures {

    /** Entities an article is compared on: its most salient ones. */
    public static final int TOP_ENTITIES = 10;

    private StoryFeatures() {
    }

    /** Term counts of the content words of {@code title} and {@code text} ({@link TextFeatures#termCounts}). */
    public static int[] contentTerms(String title, String text) {
        return TextFeatures.termCounts(title, text);
    }

    /** Stable entity id to salience for the most salient entities, most salient first. */
    public static Map<String, Double> entityWeights(List<Entity> entities) {
        Map<String, Double> out = new LinkedHashMap<>();
        entities.stream()
                .filter(e -> e.id() != null && e.salience() > 0)
                .sorted(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::id))
                .limit(TOP_ENTITIES)
                .forEach(e -> out.merge(e.id(), e.salience(), Math::max));
        return out;
    }

    /** Features of an enriched article whose body was {@code text} (the article may no longer carry it). */
    public static ArticleFeatures of(EnrichedArticle a, String text) {
        return of(a, contentTerms(a.title(), text), a.ingestedAt() == null ? 0 : a.ingestedAt().toEpochMilli());
    }

    /** Features of an enriched article whose content terms were computed already, seen at {@code seenAt} (epoch milliseconds). */
    public static ArticleFeatures of(EnrichedArticle a, int[] content, long seenAt) {
        return of(a, content, null, 0, seenAt);
    }

    /**
     * As {@link #of(EnrichedArticle, int[], long)}, with the keys of the article's words when it is in
     * Hangul ({@link #spellings}; null or empty otherwise) and the latest year its text names
     * ({@link #yearNamed}; 0 for none), which is its year when its publication time is not known.
     */
    public static ArticleFeatures of(EnrichedArticle a, int[] content, int[] spellings, int yearNamed, long seenAt) {
        Long published = publishedMillis(a);
        int year = published != null ? yearOf(published) : yearNamed;
        return new ArticleFeatures(a.id(), null, seenAt, published, a.language(), entityWeights(a.entities()),
                content, Spellings.ofEntities(topEntities(a.entities())), spellings, year);
    }

    /**
     * The latest year {@code title} or {@code text} names that is not after the year of {@code seenAt} (epoch
     * milliseconds), or 0 ({@link TextFeatures#latestYear}): the earliest year an undated article can have
     * been written in.
     */
    public static int yearNamed(String title, String text, long seenAt) {
        // without an ingest time no year is too late
        return TextFeatures.latestYear(title, text, seenAt > 0 ? yearOf(seenAt) : Integer.MAX_VALUE);
    }

    private static int yearOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).getYear();
    }

    /** The keys of the words of an article in Hangul, for matching them to entity names ({@link Spellings#ofText}). */
    public static int[] spellings(String title, String text) {
        return Spellings.ofText(title, text);
    }

    /** The entities {@link #entityWeights} keeps, most salient first. */
    static List<Entity> topEntities(List<Entity> entities) {
        return entities.stream()
                .filter(e -> e.id() != null && e.salience() > 0)
                .sorted(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::id))
                .limit(TOP_ENTITIES)
                .toList();
    }

    /** Publication time in epoch milliseconds when known and not after ingestion (a future date is not trusted). */
    static Long publishedMillis(EnrichedArticle a) {
        if (a.publishedAt() == null) {
            return null;
        }
        long p = a.publishedAt().toEpochMilli();
        return a.ingestedAt() != null && p > a.ingestedAt().toEpochMilli() ? null : p;
    }
}
