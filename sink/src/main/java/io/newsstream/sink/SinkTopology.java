package io.newsstream.sink;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.config.SinkConfig;
import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.Topics;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * The sink topology: turns enriched articles into dashboard topics.
 * <ul>
 *   <li>reads {@code news.articles.enriched}: key article id, value EnrichedArticle;</li>
 *   <li>writes {@code news.dashboard.articles}: key article id, value DashboardArticle (compacted);</li>
 *   <li>writes {@code news.dashboard.entities}: key {@code entityId@windowStart}, value EntityWindowStats,
 *       one update per change of a window's counts;</li>
 *   <li>writes {@code news.dashboard.stories}: key story id, value StorySummary, one update per article
 *       added to the story (compacted).</li>
 * </ul>
 * Internal: repartition topics {@code entities-by-id} and {@code stories-by-id}, window store
 * {@code entity-window-counts}, key-value stores {@code story-summaries} and {@code story-activity}
 * (a story's totals are dropped {@code sink.story.retention} after its latest article; see
 * {@link StorySummaryProcessor}).
 */
public final class SinkTopology {

    static final String ENTITY_STORE = "entity-window-counts";
    static final String STORY_STORE = "story-summaries";
    static final String STORY_ACTIVITY_STORE = "story-activity";

    private final TopicConfig topics;
    private final SinkConfig sink;
    private final StageMetrics metrics;

    public SinkTopology(TopicConfig topics, SinkConfig sink) {
        this(topics, sink, new StageMetrics());
    }

    /** As above, counting articles into {@code metrics}. */
    public SinkTopology(TopicConfig topics, SinkConfig sink, StageMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EnrichedArticle> enriched = builder.stream(topics.name(Topics.ENRICHED),
                Consumed.with(Serdes.String(), Topics.ENRICHED.valueSerde())
                        .withTimestampExtractor(new ArticleTimestampExtractor(sink.windowOnPublished()
                                ? ArticleTimestampExtractor.WindowTime.PUBLISHED
                                : ArticleTimestampExtractor.WindowTime.INGESTED))
                        .withName("read-enriched"));

        enriched.mapValues(a -> {
                    metrics.articleIn("sink");
                    metrics.articleOut("sink");
                    return DashboardArticles.of(a);
                }, Named.as("flatten-article"))
                .to(topics.name(Topics.DASHBOARD_ARTICLES),
                        Produced.with(Serdes.String(), Topics.DASHBOARD_ARTICLES.valueSerde()).withName("write-dashboard-articles"));

        enriched.flatMap((id, article) -> article.entities().stream()
                                .map(e -> KeyValue.pair(e.id(), new EntityMention(id, e.name(), e.type(), e.mentions(),
                                        article.source().name(), e.sentiment() == null ? 0.0 : e.sentiment().score())))
                                .toList(),
                        Named.as("entities-of-article"))
                .groupByKey(Grouped.with("entities-by-id", Serdes.String(), JsonSerde.of(EntityMention.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(sink.window(), sink.grace()))
                .aggregate(() -> EntityWindowAggregate.EMPTY, (entityId, mention, agg) -> agg.add(mention),
                        Named.as("count-entity-mentions"),
                        Materialized.<String, EntityWindowAggregate, org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(ENTITY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(EntityWindowAggregate.class)))
                .toStream(Named.as("entity-window-updates"))
                .map((window, agg) -> KeyValue.pair(
                        window.key() + "@" + window.window().startTime(),
                        new EntityWindowStats(EntityWindowStats.SCHEMA_VERSION, window.key(), agg.name(), agg.type(),
                                Instant.ofEpochMilli(window.window().start()), Instant.ofEpochMilli(window.window().end()),
                                agg.mentions(), agg.articles(), agg.outlets(), agg.meanSentiment())),
                        Named.as("entity-window-stats"))
                .to(topics.name(Topics.DASHBOARD_ENTITIES),
                        Produced.with(Serdes.String(), Topics.DASHBOARD_ENTITIES.valueSerde()).withName("write-dashboard-entities"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_STORE),
                Serdes.String(), JsonSerde.of(StoryAggregate.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_ACTIVITY_STORE),
                Serdes.String(), Serdes.Long()));
        enriched.filter((id, article) -> article.story() != null && article.story().id() != null, Named.as("articles-with-story"))
                .selectKey((id, article) -> article.story().id(), Named.as("key-by-story"))
                .repartition(Repartitioned.<String, EnrichedArticle>as("stories-by-id")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ENRICHED.valueSerde()))
                .process(() -> new StorySummaryProcessor(sink.storyRetention()), Named.as("summarise-story"),
                        STORY_STORE, STORY_ACTIVITY_STORE)
                .to(topics.name(Topics.DASHBOARD_STORIES),
                        Produced.with(Serdes.String(), Topics.DASHBOARD_STORIES.valueSerde()).withName("write-dashboard-stories"));

        return builder.build();
    }
}
