package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.metrics.MetricsServer;
import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.topics.DeadLetterHeaders;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import io.newsstream.sink.SinkService;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker: the seeds go through ingest, enrich and sink; a bad
 * record goes to the dead-letter topic while the next good one is still enriched; the same article
 * ingested twice is one raw record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    static final Path SEEDS = Path.of("..", "seeds");

    @TempDir
    static Path state;

    private static NewsstreamConfig config;
    private static EnrichService enrich;
    private static SinkService sink;
    private static MetricsServer enrichMetrics;
    private static List<String> seedIds;

    @BeforeAll
    static void startPipeline() {
        config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "2",
                "enrich.state.dir", state.resolve("enrich").toString(),
                "sink.state.dir", state.resolve("sink").toString()));
        KAFKA.createTopics(config.topics());
        Enricher enricher = EnricherFactory.create(config);
        StageMetrics metrics = new StageMetrics();
        enrich = new EnrichService(config, enricher, metrics);
        enrichMetrics = MetricsServer.startIfConfigured(config.with(Map.of("enrich.metrics.port", freePort())).settings(),
                "enrich", metrics).orElseThrow().register(enrich.streams()::metrics);
        sink = new SinkService(config);
        enrich.start();
        sink.start();
        seedIds = publish(SEEDS, new SeenIds());
    }

    @AfterAll
    static void stopPipeline() {
        if (enrichMetrics != null) {
            enrichMetrics.close();
        }
        try {
            if (sink != null) {
                sink.close();
            }
        } finally {
            if (enrich != null) {
                enrich.close();
            }
        }
    }

    /** Publishes every article of {@code path} through ingest's reader and publisher; returns the ids read. */
    private static List<String> publish(Path path, SeenIds seen) {
        List<String> ids = new ArrayList<>();
        try (ArticlePublisher publisher = ArticlePublisher.create(config, seen)) {
            for (ReadResult r : ArticleReader.create(config).read(path)) {
                assertThat(r.isAccepted()).as(r.describe()).isTrue();
                publisher.publish(r.article());
                ids.add(r.article().id());
            }
            publisher.flush();
        }
        return ids;
    }

    private static List<ConsumerRecord<String, EnrichedArticle>> enriched(int expected) {
        return KAFKA.consume(config.topics().name(Topics.ENRICHED), new StringDeserializer(),
                Topics.ENRICHED.valueSerde().deserializer(), expected, DEADLINE);
    }

    @Test
    @Order(1)
    void shouldEnrichTheFiveSeedsEndToEnd() throws Exception {
        List<ConsumerRecord<String, EnrichedArticle>> out = enriched(5);

        assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(seedIds);
        for (ConsumerRecord<String, EnrichedArticle> r : out) {
            EnrichedArticle a = r.value();
            String text = a.text();
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.sentiment()).isNotNull();
            if (text.contains("Putin")) {
                assertThat(has(a, "Vladimir Putin", EntityType.PERSON)).as("Vladimir Putin in %s", a.id()).isTrue();
            }
            if (text.contains("Azerbaijan Airlines")) {
                assertThat(has(a, "Azerbaijan Airlines", EntityType.ORGANIZATION)).as("Azerbaijan Airlines in %s", a.id()).isTrue();
            }
            if (text.contains("Grozny")) {
                assertThat(has(a, "Grozny", EntityType.LOCATION)).as("Grozny in %s", a.id()).isTrue();
            }
        }
        // every seed names all three, so the checks above ran for each article
        assertThat(out).allSatisfy(r -> assertThat(r.value().text()).contains("Putin", "Grozny"));
    }

    @Test
    @Order(2)
    void shouldShowTheSeedsInEnrichsMetricsEndpoint() throws Exception {
        enriched(5);
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        // the counter is bumped before the transaction commits, so it is already 5 when the records are readable
        while (System.nanoTime() < deadline && !body.contains("newsstream_articles_out_total{stage=\"enrich\"} 5")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + enrichMetrics.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            body = r.body();
        }
        assertThat(body).contains("newsstream_articles_in_total{stage=\"enrich\"} 5",
                "newsstream_articles_out_total{stage=\"enrich\"} 5",
                "newsstream_enrichment_seconds_count 5",
                "newsstream_story_assignment_seconds_count 5",
                "# TYPE kafka_stream_thread_process_total gauge",
                "kafka_consumer_fetch_manager_records_consumed_total{");
    }

    private static String freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(3)
    void shouldFeedTheDashboardTopics() {
        var rows = KAFKA.consume(config.topics().name(Topics.DASHBOARD_ARTICLES), new StringDeserializer(),
                Topics.DASHBOARD_ARTICLES.valueSerde().deserializer(), 5, DEADLINE);
        assertThat(rows).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(seedIds);
        assertThat(rows).extracting(r -> r.value().people()).allSatisfy(p -> assertThat(p).contains("Vladimir Putin"));

        var stats = KAFKA.consume(config.topics().name(Topics.DASHBOARD_ENTITIES), new StringDeserializer(),
                Topics.DASHBOARD_ENTITIES.valueSerde().deserializer(), 5, DEADLINE);
        assertThat(stats).isNotEmpty();
        long maxPutinArticles = stats.stream().filter(r -> "Vladimir Putin".equals(r.value().name()))
                .mapToLong(r -> r.value().articles()).max().orElse(0);
        // all five name him; they may straddle two hour windows, so at least three land in one
        assertThat(maxPutinArticles).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(4)
    void shouldRouteABadRecordToTheDeadLetterTopicAndStillEnrichTheNextGoodOne(@TempDir Path dir) throws Exception {
        byte[] garbage = "{\"id\": \"broken\", \"text\": ".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer(new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().name(Topics.RAW), "broken".getBytes(StandardCharsets.UTF_8), garbage)).get();
        }
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "City council approves new library\n\nThe city council of Springfield approved a new "
                + "public library on Tuesday. Mayor Jane Whitaker said construction would start in spring.");
        String goodId = publish(good, new SeenIds()).get(0);

        var dead = KAFKA.consume(config.topics().name(Topics.DEADLETTER), new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), 1, DEADLINE);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("not a valid RawArticle JSON document");
        assertThat(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("enrich");

        assertThat(enriched(6)).extracting(ConsumerRecord::key).contains(goodId);
    }

    @Test
    @Order(5)
    void shouldPublishTheSameArticleIngestedTwiceOnlyOnce() {
        Set<String> before = rawIds();
        // a second ingest run over the same folder, as a new process would: it learns the ids
        // already on the raw topic first, then publishes nothing new
        SeenIds seen = new SeenIds();
        io.newsstream.ingest.publish.RawTopicIds.load(config, seen, java.time.Clock.systemUTC(), Duration.ofSeconds(30));
        List<String> again = new ArrayList<>();
        try (ArticlePublisher publisher = ArticlePublisher.create(config, seen)) {
            for (ReadResult r : ArticleReader.create(config).read(SEEDS)) {
                again.add(r.article().id());
                assertThat(publisher.publish(r.article()).join()).isEqualTo(ArticleSink.Outcome.DUPLICATE);
            }
        }
        assertThat(again).containsExactlyElementsOf(seedIds);
        List<String> raw = KAFKA.consume(config.topics().name(Topics.RAW), new StringDeserializer(),
                new ByteArrayDeserializer(), before.size(), DEADLINE).stream().map(ConsumerRecord::key).toList();
        assertThat(raw.stream().filter(seedIds::contains).collect(Collectors.groupingBy(k -> k, Collectors.counting())))
                .allSatisfy((k, n) -> assertThat(n).as("raw records for %s", k).isEqualTo(1L))
                .hasSize(5);
    }

    /** Keys on the raw topic; values as bytes, since an earlier test put a record there that is not JSON. */
    private static Set<String> rawIds() {
        return KAFKA.consume(config.topics().name(Topics.RAW), new StringDeserializer(),
                        new ByteArrayDeserializer(), 7, DEADLINE).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static boolean has(EnrichedArticle a, String name, EntityType type) {
        for (Entity e : a.entities()) {
            if (e.type() == type && (e.name().equals(name) || e.aliases().contains(name))) {
                return true;
            }
        }
        return false;
    }


}
