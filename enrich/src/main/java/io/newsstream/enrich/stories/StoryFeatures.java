package io.newsstream.enrich.stories;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes what stories compare articles on: the most salient entities (by stable id) and a MinHash
 * signature of the content words. Pure and thread-safe, so the topology computes it on the parallel
 * enrichment step and the single story step only compares.
 */
public final class StoryFeatures {

    /** Entities an article is compared on: its most salient ones. */
    public static final int TOP_ENTITIES = 10;
    /** Positions of a content signature: the estimate's standard error is at most 0.045. */
    static final int CONTENT_SIZE = 128;
    /**
     * Content LSH: 16 bands of 2 rows. Two articles at content Jaccard 0.2 share a bucket with probability
     * 0.48, at 0.3 with 0.78: a second way in for articles whose entities differ, at 16 lookups each.
     */
    static final int CONTENT_BANDS = 16;
    static final int CONTENT_ROWS = 2;

    private static final MinHasher CONTENT = new MinHasher(CONTENT_SIZE, CONTENT_BANDS, CONTENT_ROWS, 0xC0A7E47L);

    private StoryFeatures() {
    }

    /** The hasher of content signatures (shared, immutable). */
    static MinHasher contentHasher() {
        return CONTENT;
    }

    /** MinHash signature of the content words of {@code title} and {@code text}. */
    public static int[] contentSignature(String title, String text) {
        return CONTENT.signature(TextFeatures.contentWords(title, text));
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
        return of(a, contentSignature(a.title(), text), a.ingestedAt() == null ? 0 : a.ingestedAt().toEpochMilli());
    }

    /** Features of an enriched article whose content signature was computed already, seen at {@code seenAt} (epoch milliseconds). */
    public static ArticleFeatures of(EnrichedArticle a, int[] content, long seenAt) {
        return new ArticleFeatures(a.id(), null, seenAt, publishedMillis(a), entityWeights(a.entities()), content);
    }

    /** Publication time in epoch milliseconds when known and not after ingestion (a future date is not trusted). */
    static Long publishedMillis(EnrichedArticle a) {
        if (a.publishedAt() == null) {
            return null;
        }
        long p = a.publishedAt().toEpochMilli();
        return a.ingestedAt() != null && p > a.ingestedAt().toEpochMilli() ? null : p;
    }

    /** Salience-weighted Jaccard overlap of two entity maps, in [0, 1]. */
    public static double entityOverlap(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double min = 0;
        double max = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            double y = b.getOrDefault(e.getKey(), 0.0);
            min += Math.min(e.getValue(), y);
            max += Math.max(e.getValue(), y);
        }
        for (Map.Entry<String, Double> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                max += e.getValue();
            }
        }
        return max == 0 ? 0.0 : min / max;
    }
}
