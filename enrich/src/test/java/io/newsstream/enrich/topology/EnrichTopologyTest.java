package io.newsstream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.DeadLetterHeaders;
import io.newsstream.common.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final TopicConfig TOPICS = TopicConfig.defaults();
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void setUp() {
        Topology topology = new EnrichTopology(FakeNlp.enricher(1_000), TOPICS).build();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic(TOPICS.name(Topics.RAW), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.name(Topics.ENRICHED), new StringDeserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(TOPICS.name(Topics.DEADLETTER), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static RawArticle article(String id, String text) {
        return RawArticle.of(id, new Source("Example News", "https://example.org/a"), "A title",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), null, text);
    }

    private void send(String key, byte[] value) {
        raw.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void shouldEnrichAValidArticleKeyedByItsId() {
        send("a1", rawSerde.toBytes(article("a1", "Maria Lopez met John Smith in town today.")));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(out.value().language()).isEqualTo("en");
        assertThat(out.value().entities()).extracting(e -> e.name()).containsExactly("Maria Lopez", "John Smith");
        assertThat(out.value().source().name()).isEqualTo("Example News");
        assertThat(out.value().enrichedAt()).isEqualTo(FakeNlp.NOW);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldKeyByArticleIdWhenTheRecordHasNoKey() {
        send(null, rawSerde.toBytes(article("a2", "Maria Lopez spoke.")));

        assertThat(enriched.readRecord().key()).isEqualTo("a2");
    }

    @Test
    void shouldRouteUnparseableRecordToDeadLetterTopicWithItsReasonAndGoOn() {
        byte[] garbage = "this is { not json".getBytes(StandardCharsets.UTF_8);
        send("bad", garbage);
        send("good", rawSerde.toBytes(article("good", "John Smith arrived.")));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).contains("not a valid RawArticle");
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(TOPICS.name(Topics.RAW));
        assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(enriched.readRecord().key()).isEqualTo("good");
    }

    @Test
    void shouldRouteArticleWithoutTextToDeadLetterTopic() {
        send("empty", rawSerde.toBytes(article("empty", "   \n ")));

        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.MESSAGE)).isEqualTo("article has no text");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteTextOverTheSizeLimitToDeadLetterTopic() {
        send("big", rawSerde.toBytes(article("big", "word ".repeat(300))));

        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("text is 1500 characters, over the limit of 1000 (enrich.max.chars)");
    }

    @Test
    void shouldRouteAModelFailureToDeadLetterTopicAndGoOn() {
        send("boom", rawSerde.toBytes(article("boom", "Then BOOM went the model.")));
        send("next", rawSerde.toBytes(article("next", "John Smith again.")));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).contains("model exploded");
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(enriched.readRecord().key()).isEqualTo("next");
    }

    @Test
    void shouldRouteATombstoneToDeadLetterTopic() {
        send("gone", null);

        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.MESSAGE)).contains("no value");
    }

    @Test
    void shouldFlagAnArticleInALanguageWithoutModelsInsteadOfDroppingIt() {
        send("de1", rawSerde.toBytes(article("de1", "Der Kanzler Hans Meier sprach heute in Berlin.")));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.language()).isEqualTo("de");
        assertThat(out.entities()).isEmpty();
        assertThat(out.flags()).containsExactly(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
    }

    @Test
    void shouldNotChangeTheTopologyUnintentionally() throws IOException {
        String described = new EnrichTopology(FakeNlp.enricher(1_000), TOPICS).build().describe().toString();
        Path golden = Path.of("src/test/resources/topology/enrich-topology.txt");
        if (Boolean.getBoolean("newsstream.updateGolden")) {
            Files.writeString(golden, described);
        }
        assertThat(described).isEqualTo(Files.readString(golden));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

}
