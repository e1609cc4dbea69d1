package io.newsstream.common.topics;

import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StorySummary;
import io.newsstream.common.serde.JsonSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of the topics newsstream reads and writes. Code names a topic by its constant here,
 * never by a string literal; the name in use comes from
 * {@link io.newsstream.common.config.TopicConfig#name(TopicSpec)}.
 */
public final class Topics {

    /** Seven days: how long raw and enriched articles stay on their topics by default. */
    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 3600 * 1000);
    /** Thirty days for the dead-letter topic, so an operator has time to look. */
    private static final String THIRTY_DAYS_MS = Long.toString(30L * 24 * 3600 * 1000);

    /** ingest → enrich: cleaned articles keyed by article id. */
    public static final TopicSpec<String, RawArticle> RAW = new TopicSpec<>(
            "raw", "news.articles.raw", Serdes.String(), JsonSerde.of(RawArticle.class),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS),
            "articles as ingested, keyed by article id");

    /** enrich → sink and any consumer: enriched articles keyed by article id. */
    public static final TopicSpec<String, EnrichedArticle> ENRICHED = new TopicSpec<>(
            "enriched", "news.articles.enriched", Serdes.String(), JsonSerde.of(EnrichedArticle.class),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS),
            "enriched articles (language, entities, sentiment, story), keyed by article id");

    /** sink → dashboards: one flat record per article, compacted. */
    public static final TopicSpec<String, DashboardArticle> DASHBOARD_ARTICLES = new TopicSpec<>(
            "dashboard.articles", "news.dashboard.articles", Serdes.String(), JsonSerde.of(DashboardArticle.class),
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            "one flat record per article for dashboards (compacted, keyed by article id)");

    /** sink → dashboards: per entity and window counts, compacted to the latest per key. */
    public static final TopicSpec<String, EntityWindowStats> DASHBOARD_ENTITIES = new TopicSpec<>(
            "dashboard.entities", "news.dashboard.entities", Serdes.String(), JsonSerde.of(EntityWindowStats.class),
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS_MS),
            "mentions, articles, outlets and mean sentiment per canonical entity and time window, keyed by entityId@windowStart");

    /** sink → dashboards: one summary per story (title, articles, outlets, entities, tone), compacted. */
    public static final TopicSpec<String, StorySummary> DASHBOARD_STORIES = new TopicSpec<>(
            "dashboard.stories", "news.dashboard.stories", Serdes.String(), JsonSerde.of(StorySummary.class),
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            "one summary per story: title, article count, outlets, first and last seen, top entities, tone (compacted, keyed by story id)");

    /** Every record that could not be processed, with its original bytes and the reason in headers. */
    public static final TopicSpec<byte[], byte[]> DEADLETTER = new TopicSpec<>(
            "deadletter", "news.deadletter", Serdes.ByteArray(), Serdes.ByteArray(),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS_MS),
            "records that could not be processed: original key and value, reason in __streams.errors.* headers");

    private static final List<TopicSpec<?, ?>> ALL = List.of(RAW, ENRICHED, DASHBOARD_ARTICLES, DASHBOARD_ENTITIES, DASHBOARD_STORIES, DEADLETTER);

    private Topics() {
    }

    /** Every topic, in pipeline order. */
    public static List<TopicSpec<?, ?>> all() {
        return ALL;
    }

    /** The topic whose settings key is {@code key}, e.g. {@code raw}. */
    public static java.util.Optional<TopicSpec<?, ?>> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
