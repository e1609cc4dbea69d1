package io.newsstream.sink;

import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.SentimentLabel;
import java.util.List;

/** Flattens an enriched article into the one-row-per-article dashboard record. */
public final class DashboardArticles {

    /** How many entity names of each type, and entity ids, a dashboard row carries. */
    static final int TOP = 10;

    private DashboardArticles() {
    }

    public static DashboardArticle of(EnrichedArticle a) {
        var sentiment = a.sentiment();
        var story = a.story();
        return new DashboardArticle(
                DashboardArticle.SCHEMA_VERSION,
                a.id(),
                a.title(),
                a.source().name(),
                a.source().url(),
                a.publishedAt(),
                a.enrichedAt(),
                a.language(),
                sentiment == null ? SentimentLabel.NEUTRAL : sentiment.label(),
                sentiment == null ? 0.0 : sentiment.score(),
                story == null ? null : story.id(),
                story == null ? null : story.duplicateOf(),
                a.entities().size(),
                names(a.entities(), EntityType.PERSON),
                names(a.entities(), EntityType.ORGANIZATION),
                names(a.entities(), EntityType.LOCATION),
                a.entities().stream().limit(TOP).map(Entity::id).toList());
    }

    private static List<String> names(List<Entity> entities, EntityType type) {
        return entities.stream().filter(e -> e.type() == type).limit(TOP).map(Entity::name).toList();
    }
}
