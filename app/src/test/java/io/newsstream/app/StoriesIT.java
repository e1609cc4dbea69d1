package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.common.model.StorySummary;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import io.newsstream.sink.SinkService;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories on a real broker: the enrich application with two stream threads assigns the five seeds one
 * story, marks a near-verbatim copy and keeps unrelated articles apart; after it is stopped and started
 * again on an empty state directory (state restored from the changelog topics), follow-ups join the
 * existing story and a second copy is still recognised.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoriesIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path SEEDS = Path.of("..", "seeds");

    @TempDir
    static Path state;

    private static NewsstreamConfig config;
    private static Enricher enricher;
    private static EnrichService enrich;
    private static List<RawArticle> seeds;

    @BeforeAll
    static void start() {
        config = config(state.resolve("enrich-1"));
        KAFKA.createTopics(config.topics());
        enricher = EnricherFactory.create(config);
        enrich = new EnrichService(config, enricher);
        enrich.start();
        seeds = new ArrayList<>();
        for (ReadResult r : ArticleReader.create(config).read(SEEDS)) {
            seeds.add(r.article());
        }
    }

    @AfterAll
    static void stop() {
        if (enrich != null) {
            enrich.close();
        }
    }

    private static NewsstreamConfig config(Path stateDir) {
        return NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "2",
                "enrich.state.dir", stateDir.toString(),
                "sink.state.dir", state.resolve("sink").toString()));
    }

    private static void publish(List<RawArticle> articles) throws Exception {
        try (KafkaProducer<String, RawArticle> producer = KAFKA.producer(new StringSerializer(), Topics.RAW.valueSerde().serializer())) {
            for (RawArticle a : articles) {
                producer.send(new ProducerRecord<>(config.topics().name(Topics.RAW), a.id(), a)).get();
            }
        }
    }

    private static Map<String, EnrichedArticle> enriched(int expected) {
        Map<String, EnrichedArticle> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, EnrichedArticle> r : KAFKA.consume(config.topics().name(Topics.ENRICHED),
                new StringDeserializer(), Topics.ENRICHED.valueSerde().deserializer(), expected, DEADLINE)) {
            out.put(r.key(), r.value());
        }
        return out;
    }

    private static RawArticle article(String id, String outlet, String title, Instant published, String text) {
        return RawArticle.of(id, new Source(outlet, null), title, published, Instant.now(), null, text);
    }

    /** A near-verbatim copy of {@code seed}: new headline, page furniture around it, two small edits. */
    private static RawArticle copyOf(RawArticle seed, String id) {
        String text = "Advertisement\nWorld | 3 min read\n"
                + seed.text().replaceFirst("President", "president").replaceFirst("\\bplane\\b", "aircraft")
                + "\nShare this article\nMore from our world desk\nSign up for the morning briefing";
        return article(id, "Syndicated Daily", "Kremlin leader says sorry over downed airliner", seed.publishedAt(), text);
    }

    @Test
    @Order(1)
    void shouldGiveTheSeedsOneStoryMarkTheCopyAndKeepUnrelatedArticlesApart() throws Exception {
        List<RawArticle> input = new ArrayList<>(seeds);
        input.add(copyOf(seeds.get(1), "seed-copy-1"));
        input.add(article("mayor-1", "Nord Haven Post", "Peter Brown elected mayor", Instant.parse("2024-12-29T09:00:00Z"),
                "Voters in Nord Haven elected Peter Brown as mayor on Sunday with a clear majority. Turnout was low "
                        + "after a campaign dominated by housing costs, rents and public transport. Brown, a former "
                        + "teacher, promised to build 5,000 homes and to extend the tram line to the harbour."));
        input.add(article("storm-1", "Coastal News", "Storm Elin cuts power to 80,000 homes in Brittany",
                Instant.parse("2024-12-29T07:00:00Z"),
                "Storm Elin brought winds of up to 150 km/h to Brittany overnight, cutting power to about 80,000 "
                        + "homes and uprooting trees across Finistere. Enedis said engineers were working to restore "
                        + "supplies. Ferries between Roscoff and Plymouth were cancelled."));
        // a story is named after the first of its articles the story step sees; articles on different raw
        // partitions, enriched by different threads, reach it in no fixed order, so the first seed goes alone
        publish(input.subList(0, 1));
        assertThat(enriched(1)).as("the first seed, enriched before the others are sent").hasSize(1);
        publish(input.subList(1, input.size()));

        Map<String, EnrichedArticle> out = enriched(input.size());

        assertThat(out).hasSize(input.size());
        String story = out.get(seeds.get(0).id()).story().id();
        assertThat(story).isEqualTo("st_" + seeds.get(0).id());
        for (RawArticle s : seeds) {
            assertThat(out.get(s.id()).story().id()).as("story of seed %s", s.id()).isEqualTo(story);
            assertThat(out.get(s.id()).story().duplicateOf()).as("seed %s is no copy", s.id()).isNull();
        }
        EnrichedArticle copy = out.get("seed-copy-1");
        assertThat(copy.story().duplicateOf()).isEqualTo(seeds.get(1).id());
        assertThat(copy.story().id()).isEqualTo(story);
        assertThat(copy.title()).isEqualTo("Kremlin leader says sorry over downed airliner");
        assertThat(copy.entities()).isNotEmpty();
        Set<String> others = Set.of(out.get("mayor-1").story().id(), out.get("storm-1").story().id());
        assertThat(others).hasSize(2).doesNotContain(story);
    }

    @Test
    @Order(2)
    void shouldJoinFollowUpsToTheExistingStoryAfterARestartOnAnEmptyStateDirectory() throws Exception {
        enrich.close();
        // a new instance on an empty state directory: story state comes back from the changelog topics
        config = config(state.resolve("enrich-2"));
        enrich = new EnrichService(config, enricher);
        enrich.start();
        String story = "st_" + seeds.get(0).id();

        RawArticle followUp = article("follow-up-1", "Caspian Herald", "Azerbaijan Airlines crash: Baku demands Moscow admit fault",
                Instant.parse("2024-12-30T08:00:00Z"),
                "Azerbaijani President Ilham Aliyev said on Sunday that the Azerbaijan Airlines plane that crashed "
                        + "in Kazakhstan was hit by Russian air defence over Grozny, and demanded that Russia admit "
                        + "guilt, punish those responsible and pay compensation to the families of the 38 victims. "
                        + "Aliyev spoke a day after Vladimir Putin apologised in a phone call for the tragic incident in "
                        + "Russian airspace without saying the plane was shot down. Survivors described hearing an "
                        + "explosion before the crash, and the Kremlin said investigators were working in Grozny.");
        publish(List.of(followUp, copyOf(seeds.get(2), "seed-copy-2")));

        Map<String, EnrichedArticle> out = enriched(seeds.size() + 5);

        assertThat(out.get("follow-up-1")).isNotNull();
        assertThat(out.get("follow-up-1").story().id()).isEqualTo(story);
        assertThat(out.get("follow-up-1").story().duplicateOf()).isNull();
        assertThat(out.get("seed-copy-2").story().duplicateOf()).isEqualTo(seeds.get(2).id());
        assertThat(out.get("seed-copy-2").story().id()).isEqualTo(story);
    }

    @Test
    @Order(3)
    void shouldSummariseTheStoryOnTheDashboardTopic() {
        try (SinkService sink = new SinkService(config)) {
            sink.start();
            String story = "st_" + seeds.get(0).id();
            StorySummary summary = null;
            long end = System.nanoTime() + DEADLINE.toNanos();
            while ((summary == null || summary.articles() < seeds.size() + 3) && System.nanoTime() < end) {
                Map<String, StorySummary> latest = KAFKA.consume(config.topics().name(Topics.DASHBOARD_STORIES),
                                new StringDeserializer(), Topics.DASHBOARD_STORIES.valueSerde().deserializer(), 1,
                                Duration.ofSeconds(5)).stream()
                        .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
                summary = latest.get(story);
            }
            assertThat(summary).isNotNull();
            assertThat(summary.articles()).isEqualTo(seeds.size() + 3);
            assertThat(summary.copies()).isEqualTo(2);
            assertThat(summary.outlets()).contains("Syndicated Daily", "Caspian Herald");
            assertThat(summary.topEntities()).extracting(StorySummary.EntityCount::name).contains("Vladimir Putin");
        }
    }
}
