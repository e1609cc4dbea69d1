package io.newsstream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntitySentiment;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Source;
import io.newsstream.common.model.Span;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkTopologyTest {

    private static final NewsstreamConfig CONFIG = NewsstreamConfig.defaults();
    private static final Instant T0 = Instant.parse("2026-03-01T10:05:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DashboardArticle> articles;
    private TestOutputTopic<String, EntityWindowStats> entities;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new SinkTopology(CONFIG.topics(), CONFIG.sink()).build(), props);
        enriched = driver.createInputTopic(CONFIG.topics().name(Topics.ENRICHED), new StringSerializer(),
                Topics.ENRICHED.valueSerde().serializer());
        articles = driver.createOutputTopic(CONFIG.topics().name(Topics.DASHBOARD_ARTICLES), new StringDeserializer(),
                Topics.DASHBOARD_ARTICLES.valueSerde().deserializer());
        entities = driver.createOutputTopic(CONFIG.topics().name(Topics.DASHBOARD_ENTITIES), new StringDeserializer(),
                Topics.DASHBOARD_ENTITIES.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Entity entity(String id, String name, EntityType type, int mentions, double sentiment) {
        return new Entity(id, name, type, mentions, List.of(), 0.5,
                new EntitySentiment(sentiment, sentiment < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL),
                List.of(new Span(0, name.length())));
    }

    private static EnrichedArticle article(String id, String outlet, Instant ingestedAt, List<Entity> entities) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, new Source(outlet, "https://example.org/" + id),
                "Title " + id, null, ingestedAt, "en", "text", entities,
                new Sentiment(SentimentLabel.NEGATIVE, -0.6, 0.1, 0.5, 0.4), new StoryRef("story-1", null, 0.9),
                List.of(), ingestedAt.plusSeconds(1), new PipelineInfo("test", Map.of()));
    }

    @Test
    void shouldWriteOneFlatDashboardRecordPerArticle() {
        enriched.pipeInput("a1", article("a1", "Daily Example", T0, List.of(
                entity("p1", "Jane Doe", EntityType.PERSON, 3, -0.2),
                entity("o1", "Acme Corp", EntityType.ORGANIZATION, 1, 0.0),
                entity("l1", "Springfield", EntityType.LOCATION, 2, 0.0))));

        var out = articles.readKeyValue();
        assertThat(out.key).isEqualTo("a1");
        assertThat(out.value.outlet()).isEqualTo("Daily Example");
        assertThat(out.value.sentimentLabel()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(out.value.storyId()).isEqualTo("story-1");
        assertThat(out.value.people()).containsExactly("Jane Doe");
        assertThat(out.value.organizations()).containsExactly("Acme Corp");
        assertThat(out.value.locations()).containsExactly("Springfield");
        assertThat(out.value.topEntityIds()).containsExactly("p1", "o1", "l1");
    }

    @Test
    void shouldCountAnEntityAcrossOutletsWithinOneWindow() {
        enriched.pipeInput("a1", article("a1", "Daily Example", T0, List.of(entity("p1", "Jane Doe", EntityType.PERSON, 3, -0.2))), T0);
        enriched.pipeInput("a2", article("a2", "Evening Sample", T0.plusSeconds(600),
                List.of(entity("p1", "Jane Doe", EntityType.PERSON, 2, -0.6))), T0.plusSeconds(600));

        Map<String, EntityWindowStats> latest = entities.readKeyValuesToMap();
        EntityWindowStats stats = latest.get("p1@2026-03-01T10:00:00Z");
        assertThat(stats).isNotNull();
        assertThat(stats.mentions()).isEqualTo(5);
        assertThat(stats.articles()).isEqualTo(2);
        assertThat(stats.outlets()).containsExactly("Daily Example", "Evening Sample");
        assertThat(stats.meanSentiment()).isCloseTo(-0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.windowEnd()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
    }

    @Test
    void shouldCountArticlesOfAnotherHourInTheirOwnWindow() {
        enriched.pipeInput("a1", article("a1", "Daily Example", T0, List.of(entity("p1", "Jane Doe", EntityType.PERSON, 1, 0))), T0);
        Instant later = T0.plusSeconds(3600);
        enriched.pipeInput("a2", article("a2", "Daily Example", later, List.of(entity("p1", "Jane Doe", EntityType.PERSON, 1, 0))), later);

        Map<String, EntityWindowStats> latest = entities.readKeyValuesToMap();
        assertThat(latest).containsOnlyKeys("p1@2026-03-01T10:00:00Z", "p1@2026-03-01T11:00:00Z");
        assertThat(latest.values()).allSatisfy(s -> assertThat(s.articles()).isEqualTo(1));
    }

    @Test
    void shouldNotChangeTheTopologyUnintentionally() throws IOException {
        String described = new SinkTopology(CONFIG.topics(), CONFIG.sink()).build().describe().toString();
        Path golden = Path.of("src/test/resources/topology/sink-topology.txt");
        if (Boolean.getBoolean("newsstream.updateGolden")) {
            Files.writeString(golden, described);
        }
        assertThat(described).isEqualTo(Files.readString(golden));
    }
}
