package io.newsstream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.DeadLetterHeaders;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.stories.StoryAssigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stories and copies through the enrich topology, with stand-in models. */
class StoryTopologyTest {

    private static final TopicConfig TOPICS = TopicConfig.defaults();
    private static final Duration QUIET = Duration.ofDays(3);
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);

    private static final String HARBOUR = "Maria Lopez and John Smith opened the new harbour bridge in Porto Vale on "
            + "Monday after four years of construction. The bridge carries trains and cars across the estuary and "
            + "cost two billion euros. Engineers tested the structure with loaded trucks before the opening ceremony.";
    private static final String HARBOUR_2 = "Thousands crossed the new harbour bridge in Porto Vale on its first day. "
            + "Maria Lopez said the bridge over the estuary would cut travel times for trains and cars. John Smith "
            + "praised the engineers who built the structure over four years of construction.";
    private static final String ELECTION = "Voters in Nord Haven elected Peter Brown as mayor on Sunday with a clear "
            + "majority. Turnout was low after a campaign dominated by housing costs, rents and public transport.";

    private final AtomicInteger modelRuns = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void setUp() {
        driver = driver(modelRuns);
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

    private static TopologyTestDriver driver(AtomicInteger modelRuns) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stories-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("stories-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(new EnrichTopology(FakeNlp.enricher(10_000, modelRuns), TOPICS, QUIET).build(), props);
    }

    private static RawArticle article(String id, String outlet, String title, Instant ingestedAt, String text) {
        return RawArticle.of(id, new Source(outlet, "https://example.org/" + id), title, ingestedAt.minusSeconds(600),
                ingestedAt, null, text);
    }

    private static void send(TestInputTopic<byte[], byte[]> topic, RawArticle a) {
        topic.pipeInput(a.id().getBytes(StandardCharsets.UTF_8), RAW.toBytes(a));
    }

    private Map<String, EnrichedArticle> readAll() {
        Map<String, EnrichedArticle> out = new LinkedHashMap<>();
        for (KeyValue<String, EnrichedArticle> kv : enriched.readKeyValuesToList()) {
            out.put(kv.key, kv.value);
        }
        return out;
    }

    @Test
    void shouldGiveArticlesAboutOneEventOneStoryNamedAfterTheFirstAndOthersTheirOwn() {
        send(raw, article("h1", "Daily One", "Bridge opens", T0, HARBOUR));
        send(raw, article("e1", "Daily Two", "Mayor elected", T0.plusSeconds(60), ELECTION));
        send(raw, article("h2", "Daily Three", "Crowds cross bridge", T0.plusSeconds(3600), HARBOUR_2));

        Map<String, EnrichedArticle> out = readAll();

        assertThat(out.get("h1").story().id()).isEqualTo("st_h1");
        assertThat(out.get("h2").story().id()).isEqualTo("st_h1");
        assertThat(out.get("h2").story().duplicateOf()).isNull();
        assertThat(out.get("h2").story().similarity()).isBetween(0.2, 1.0);
        assertThat(out.get("e1").story().id()).isEqualTo("st_e1");
    }

    @Test
    void shouldMarkANearVerbatimCopyAndReuseTheOriginalsEnrichmentWithoutRunningTheModels() {
        send(raw, article("h1", "Daily One", "Bridge opens", T0, HARBOUR));
        String copyText = "Advertisement\n" + HARBOUR.replace("on Monday", "on Monday morning") + "\nShare this story";
        send(raw, article("h1-copy", "Wire Reprint", "A new crossing for Porto Vale", T0.plusSeconds(120), copyText));

        Map<String, EnrichedArticle> out = readAll();

        assertThat(modelRuns.get()).isEqualTo(1);
        EnrichedArticle copy = out.get("h1-copy");
        assertThat(copy.story().duplicateOf()).isEqualTo("h1");
        assertThat(copy.story().id()).isEqualTo("st_h1");
        assertThat(copy.title()).isEqualTo("A new crossing for Porto Vale");
        assertThat(copy.source().name()).isEqualTo("Wire Reprint");
        assertThat(copy.text()).isEqualTo(copyText);
        assertThat(copy.entities()).extracting(e -> e.name()).containsExactly("Maria Lopez", "John Smith", "Porto Vale");
        copy.entities().forEach(e -> e.spans().forEach(s ->
                assertThat(copy.text().substring(s.start(), s.end())).isEqualTo(e.name())));
        assertThat(copy.sentiment()).isEqualTo(out.get("h1").sentiment());
    }

    @Test
    void shouldTreatARedeliveryOfTheSameIdAsTheSameArticleNotACopy() {
        RawArticle a = article("h1", "Daily One", "Bridge opens", T0, HARBOUR);
        send(raw, a);
        send(raw, a);

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();

        assertThat(out).hasSize(2);
        assertThat(out).allSatisfy(kv -> {
            assertThat(kv.value.story().id()).isEqualTo("st_h1");
            assertThat(kv.value.story().duplicateOf()).isNull();
        });
    }

    @Test
    void shouldGiveTheSameStoriesWhenTheSameInputIsReplayed() {
        List<RawArticle> input = List.of(
                article("h1", "Daily One", "Bridge opens", T0, HARBOUR),
                article("e1", "Daily Two", "Mayor elected", T0.plusSeconds(60), ELECTION),
                article("h2", "Daily Three", "Crowds cross", T0.plusSeconds(3600), HARBOUR_2),
                article("h3", "Daily Four", "Copy", T0.plusSeconds(7200), HARBOUR + " Updated."));
        input.forEach(a -> send(raw, a));
        Map<String, EnrichedArticle> first = readAll();

        Map<String, EnrichedArticle> second = new LinkedHashMap<>();
        try (TopologyTestDriver again = driver(new AtomicInteger())) {
            TestInputTopic<byte[], byte[]> in = again.createInputTopic(TOPICS.name(Topics.RAW), new ByteArraySerializer(),
                    new ByteArraySerializer());
            input.forEach(a -> send(in, a));
            again.createOutputTopic(TOPICS.name(Topics.ENRICHED), new StringDeserializer(),
                    Topics.ENRICHED.valueSerde().deserializer()).readKeyValuesToList().forEach(kv -> second.put(kv.key, kv.value));
        }

        assertThat(second).hasSize(4);
        first.forEach((id, a) -> assertThat(second.get(id).story()).as(id).isEqualTo(a.story()));
        assertThat(first.get("h3").story().duplicateOf()).isEqualTo("h1");
    }

    @Test
    void shouldCloseAStoryAfterTheLateHorizonAndForgetItsState() {
        send(raw, article("h1", "Daily One", "Bridge opens", T0, HARBOUR));
        send(raw, article("h2", "Daily Two", "Crowds cross",
                T0.plus(StoryAssigner.Settings.DEFAULT.lateHorizon()).plusSeconds(3600), HARBOUR_2));

        Map<String, EnrichedArticle> out = readAll();

        assertThat(out.get("h2").story().id()).isEqualTo("st_h2");
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(EnrichTopology.STORIES_STORE);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        assertThat(keys).noneMatch(k -> k.contains("h1"));
        assertThat(keys).anyMatch(k -> k.equals("a/h2"));
    }

    @Test
    void shouldSendACopyOfAnArticleWhoseEnrichmentFailedToTheDeadLetterTopicOnce() {
        String text = "Then BOOM went the model while Maria Lopez was speaking about the harbour bridge in Porto Vale "
                + "and its four years of construction across the estuary.";
        send(raw, article("boom", "Daily One", "Bridge", T0, text));
        send(raw, article("boom-copy", "Reprint", "Bridge again", T0.plusSeconds(60), text + " Advertisement"));
        send(raw, article("next", "Daily Two", "Mayor", T0.plusSeconds(120), ELECTION));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();

        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("boom");
        assertThat(new String(dead.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("boom-copy");
        assertThat(header(dead.get(1), DeadLetterHeaders.MESSAGE))
                .isEqualTo("near-verbatim copy of boom, whose enrichment failed: enrichment failed: java.lang.IllegalStateException: model exploded");
        assertThat(header(dead.get(1), DeadLetterHeaders.TOPIC)).isEqualTo(TOPICS.name(Topics.RAW));
        assertThat(header(dead.get(1), DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(RAW.fromBytes(dead.get(1).value()).id()).isEqualTo("boom-copy");
        assertThat(readAll()).containsOnlyKeys("next");
    }

    @Test
    void shouldEnrichEveryCopyOfAnArticleWithoutAnIngestTimeWhateverTheCopiesDates() {
        // an article written straight onto the raw topic without ingestedAt takes its record's timestamp;
        // copies of it, one dated long before the stream's time and one current, both reuse its enrichment
        raw.pipeInput(key("n1"), RAW.toBytes(article("n1", "Daily Two", "Mayor elected", T0, ELECTION)), T0);
        RawArticle undated = RawArticle.of("x1", null, "Bridge opens", null, null, null, HARBOUR);
        raw.pipeInput(key("x1"), RAW.toBytes(undated), T0.plusSeconds(60));
        RawArticle old = article("x1-old", "Archive", "Bridge (archive)", T0.minus(Duration.ofDays(400)), HARBOUR + " Archive.");
        raw.pipeInput(key("x1-old"), RAW.toBytes(old), T0.plusSeconds(120));
        RawArticle current = article("x1-now", "Reprint", "Bridge (reprint)", T0.plusSeconds(180), HARBOUR + " Reprint.");
        raw.pipeInput(key("x1-now"), RAW.toBytes(current), T0.plusSeconds(180));

        Map<String, EnrichedArticle> out = readAll();

        assertThat(deadLetters.readRecordsToList()).isEmpty();
        assertThat(out).containsOnlyKeys("n1", "x1", "x1-old", "x1-now");
        assertThat(out.get("x1-old").story().duplicateOf()).isEqualTo("x1");
        assertThat(out.get("x1-now").story().duplicateOf()).isEqualTo("x1");
        assertThat(out.get("x1-now").entities()).extracting(e -> e.name()).contains("Maria Lopez");
    }

    @Test
    void shouldNotGiveACopyOfAnArticlesOldTextTheEnrichmentOfItsNewText() {
        send(raw, article("s1", "Daily One", "Bridge opens", T0, HARBOUR));
        // the same id again with another text: it replaces the old text among the originals
        send(raw, article("s1", "Daily One", "Mayor elected", T0.plusSeconds(60), ELECTION));
        send(raw, article("c1", "Reprint", "Bridge opens", T0.plusSeconds(120), HARBOUR + " Reprint."));

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();

        assertThat(out).extracting(kv -> kv.key).containsExactly("s1", "s1", "c1");
        EnrichedArticle c1 = out.get(2).value;
        assertThat(c1.story().duplicateOf()).isNull();
        assertThat(c1.entities()).extracting(e -> e.name()).contains("Maria Lopez").doesNotContain("Peter Brown");
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldNotLeakInternalHeadersOntoTheEnrichedTopic() {
        send(raw, article("h1", "Daily One", "Bridge opens", T0, HARBOUR));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();

        assertThat(out.headers().toArray()).noneMatch(h -> h.key().startsWith("newsstream."));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
