package io.newsstream.sink;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.StorySummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals of one story, as kept in the sink's state store. A new instance is returned on every
 * update: aggregates are never mutated in place. An article id among the latest {@value #MAX_IDS} counted is
 * not counted again, so a redelivered article does not inflate the story, and a story's record does not
 * grow with its size.
 *
 * @param storyId     story id
 * @param title       representative headline (the first article's that has one)
 * @param articles    articles counted
 * @param articleIds  ids of the latest articles counted, at most {@value #MAX_IDS}
 * @param copies      near-verbatim copies among them
 * @param firstSeen   earliest article time
 * @param lastSeen    latest article time
 * @param entities    entity id to its counts
 * @param toneSum     sum of document sentiment scores
 * @param outletTone  outlet to {sum of scores, articles}
 */
record StoryAggregate(String storyId, String title, long articles, List<String> articleIds, long copies, Instant firstSeen,
                      Instant lastSeen, Map<String, EntityTotals> entities, double toneSum,
                      Map<String, double[]> outletTone) {

    static final StoryAggregate EMPTY = new StoryAggregate(null, null, 0, List.of(), 0, null, null, Map.of(), 0, Map.of());
    /** Article ids remembered per story, the latest, to recognise a redelivery. */
    static final int MAX_IDS = 1_000;
    /** Entities kept per story (the most named); enough for the top ten of a long-running story. */
    static final int MAX_ENTITIES = 200;
    /** Entities in a summary. */
    static final int TOP_ENTITIES = 10;

    StoryAggregate {
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        outletTone = outletTone == null ? Map.of() : Map.copyOf(outletTone);
    }

    /**
     * Counts of one entity in one story.
     *
     * @param name     canonical name (latest seen)
     * @param type     entity type
     * @param articles articles naming it
     * @param mentions mentions summed
     */
    record EntityTotals(String name, EntityType type, long articles, long mentions) {
    }

    StoryAggregate add(EnrichedArticle a) {
        if (articleIds.contains(a.id())) {
            return this;
        }
        List<String> ids = new ArrayList<>(articleIds);
        ids.add(a.id());
        if (ids.size() > MAX_IDS) {
            ids = ids.subList(ids.size() - MAX_IDS, ids.size());
        }
        Instant t = a.publishedAt() != null ? a.publishedAt() : a.ingestedAt();
        Map<String, EntityTotals> e = new LinkedHashMap<>(entities);
        for (Entity x : a.entities()) {
            EntityTotals old = e.get(x.id());
            e.put(x.id(), new EntityTotals(x.name(), x.type(), (old == null ? 0 : old.articles()) + 1,
                    (old == null ? 0 : old.mentions()) + x.mentions()));
        }
        if (e.size() > MAX_ENTITIES) {
            List<Map.Entry<String, EntityTotals>> sorted = new ArrayList<>(e.entrySet());
            sorted.sort(BY_COUNT);
            e = new LinkedHashMap<>();
            for (Map.Entry<String, EntityTotals> entry : sorted.subList(0, MAX_ENTITIES)) {
                e.put(entry.getKey(), entry.getValue());
            }
        }
        double score = a.sentiment() == null ? 0.0 : a.sentiment().score();
        Map<String, double[]> tone = new TreeMap<>(outletTone);
        String outlet = a.source().name() == null ? "unknown" : a.source().name();
        double[] old = tone.getOrDefault(outlet, new double[] {0, 0});
        tone.put(outlet, new double[] {old[0] + score, old[1] + 1});
        return new StoryAggregate(a.story().id(), title != null ? title : a.title(), articles + 1, ids,
                copies + (a.story().duplicateOf() == null ? 0 : 1),
                min(firstSeen, t), max(lastSeen, t), e, toneSum + score, tone);
    }

    StorySummary summary() {
        List<Map.Entry<String, EntityTotals>> sorted = new ArrayList<>(entities.entrySet());
        sorted.sort(BY_COUNT);
        List<StorySummary.EntityCount> top = sorted.stream().limit(TOP_ENTITIES)
                .map(x -> new StorySummary.EntityCount(x.getKey(), x.getValue().name(), x.getValue().type(),
                        x.getValue().articles(), x.getValue().mentions()))
                .toList();
        Map<String, Double> perOutlet = new TreeMap<>();
        outletTone.forEach((outlet, st) -> perOutlet.put(outlet, round(st[0] / st[1])));
        return new StorySummary(StorySummary.SCHEMA_VERSION, storyId, title, articles, copies,
                List.copyOf(new TreeMap<>(outletTone).keySet()), firstSeen, lastSeen, top,
                articles == 0 ? 0.0 : round(toneSum / articles), perOutlet);
    }

    private static final Comparator<Map.Entry<String, EntityTotals>> BY_COUNT = Comparator
            .comparingLong((Map.Entry<String, EntityTotals> x) -> x.getValue().articles()).reversed()
            .thenComparing(Comparator.comparingLong((Map.Entry<String, EntityTotals> x) -> x.getValue().mentions()).reversed())
            .thenComparing(Map.Entry::getKey);

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
