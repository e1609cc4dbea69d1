package io.newsstream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntitySentiment;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Source;
import io.newsstream.common.model.Span;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.model.StorySummary;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink's story summaries on {@code news.dashboard.stories}. */
class StorySummaryTopologyTest {

    private static final NewsstreamConfig CONFIG = NewsstreamConfig.defaults();
    private static final Instant T0 = Instant.parse("2026-03-01T10:05:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, StorySummary> stories;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-stories-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // no record cache, so every update is visible at once
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(new SinkTopology(CONFIG.topics(), CONFIG.sink()).build(), props);
        enriched = driver.createInputTopic(CONFIG.topics().name(Topics.ENRICHED), new StringSerializer(),
                Topics.ENRICHED.valueSerde().serializer());
        stories = driver.createOutputTopic(CONFIG.topics().name(Topics.DASHBOARD_STORIES), new StringDeserializer(),
                Topics.DASHBOARD_STORIES.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Entity entity(String name, EntityType type, int mentions) {
        return new Entity("ent_" + name.toLowerCase().replace(' ', '_'), name, type, mentions, List.of(), 0.5,
                new EntitySentiment(0, SentimentLabel.NEUTRAL), List.of(new Span(0, name.length())));
    }

    private static EnrichedArticle article(String id, String outlet, String title, Instant published, double tone,
                                           StoryRef story, List<Entity> entities) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, new Source(outlet, "https://example.org/" + id),
                title, published, published.plusSeconds(60), "en", "text", entities,
                new Sentiment(tone < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE, tone, 0.2, 0.3, 0.5), story,
                List.of(), published.plusSeconds(61), new PipelineInfo("test", Map.of()));
    }

    @Test
    void shouldSummariseAStoryAcrossOutletsKeyedByStoryId() {
        Entity lopez = entity("Maria Lopez", EntityType.PERSON, 2);
        Entity vale = entity("Porto Vale", EntityType.LOCATION, 1);
        enriched.pipeInput("a1", article("a1", "Daily One", "Bridge opens", T0, -0.4, new StoryRef("st_a1", null, 1.0),
                List.of(lopez, vale)));
        enriched.pipeInput("b1", article("b1", "Daily Two", "Mayor elected", T0.plusSeconds(30), 0.5,
                new StoryRef("st_b1", null, 1.0), List.of(entity("Peter Brown", EntityType.PERSON, 1))));
        enriched.pipeInput("a2", article("a2", "Daily Two", "Crowds cross bridge", T0.plusSeconds(3600), -0.2,
                new StoryRef("st_a1", null, 0.4), List.of(lopez)));
        enriched.pipeInput("a3", article("a3", "Wire Reprint", "A new crossing", T0.plusSeconds(7200), -0.4,
                new StoryRef("st_a1", "a1", 0.9), List.of(lopez, vale)));

        Map<String, StorySummary> latest = stories.readKeyValuesToMap();

        StorySummary s = latest.get("st_a1");
        assertThat(s.storyId()).isEqualTo("st_a1");
        assertThat(s.title()).isEqualTo("Bridge opens");
        assertThat(s.articles()).isEqualTo(3);
        assertThat(s.copies()).isEqualTo(1);
        assertThat(s.outlets()).containsExactly("Daily One", "Daily Two", "Wire Reprint");
        assertThat(s.firstSeen()).isEqualTo(T0);
        assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(7200));
        assertThat(s.topEntities()).extracting(StorySummary.EntityCount::name).containsExactly("Maria Lopez", "Porto Vale");
        assertThat(s.topEntities().get(0).articles()).isEqualTo(3);
        assertThat(s.topEntities().get(0).mentions()).isEqualTo(6);
        assertThat(s.meanTone()).isEqualTo(-0.333);
        assertThat(s.tonePerOutlet()).containsExactlyInAnyOrderEntriesOf(Map.of("Daily One", -0.4, "Daily Two", -0.2, "Wire Reprint", -0.4));
        assertThat(latest.get("st_b1").articles()).isEqualTo(1);
    }

    @Test
    void shouldNotCountARedeliveredArticleTwice() {
        EnrichedArticle a = article("a1", "Daily One", "Bridge opens", T0, -0.4, new StoryRef("st_a1", null, 1.0), List.of());
        enriched.pipeInput("a1", a);
        enriched.pipeInput("a1", a);

        assertThat(stories.readKeyValuesToMap().get("st_a1").articles()).isEqualTo(1);
    }

    @Test
    void shouldDropAStorysTotalsOnceItsLatestArticleIsOlderThanTheRetention() {
        enriched.pipeInput("a1", article("a1", "Daily One", "Bridge opens", T0, -0.4, new StoryRef("st_a1", null, 1.0), List.of()));
        enriched.pipeInput("b1", article("b1", "Daily Two", "Mayor elected", T0.plus(Duration.ofDays(6)), 0.5,
                new StoryRef("st_b1", null, 1.0), List.of()));
        KeyValueStore<String, Object> store = driver.getKeyValueStore(SinkTopology.STORY_STORE);
        assertThat(store.get("st_a1")).as("within the retention (7 days)").isNotNull();

        enriched.pipeInput("c1", article("c1", "Daily Three", "Later news", T0.plus(Duration.ofDays(7)).plusSeconds(3600), 0.1,
                new StoryRef("st_c1", null, 1.0), List.of()));

        assertThat(store.get("st_a1")).isNull();
        assertThat(driver.getKeyValueStore(SinkTopology.STORY_ACTIVITY_STORE).get("st_a1")).isNull();
        assertThat(store.get("st_b1")).isNotNull();
        assertThat(stories.readKeyValuesToMap()).as("the last summary stays on the topic").containsKeys("st_a1", "st_b1", "st_c1");
    }

    @Test
    void shouldCountEveryArticleOfALongStoryWhileRememberingOnlyTheLatestIds() {
        StoryAggregate agg = StoryAggregate.EMPTY;
        for (int i = 0; i < StoryAggregate.MAX_IDS + 5; i++) {
            agg = agg.add(article("a" + i, "Daily One", "Bridge", T0.plusSeconds(i), 0.1, new StoryRef("st_a0", null, 1.0), List.of()));
        }

        assertThat(agg.summary().articles()).isEqualTo(StoryAggregate.MAX_IDS + 5);
        assertThat(agg.articleIds()).hasSize(StoryAggregate.MAX_IDS).contains("a" + (StoryAggregate.MAX_IDS + 4)).doesNotContain("a0");
    }

    @Test
    void shouldSkipArticlesWithoutAStory() {
        enriched.pipeInput("x", article("x", "Daily One", "No story", T0, 0.1, null, List.of()));

        assertThat(stories.isEmpty()).isTrue();
    }
}
