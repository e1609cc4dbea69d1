package io.newsstream.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.Topics;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice, when the enrich process dies: {@code newsstream enrich} runs from the
 * shaded jar as a separate JVM with two stream threads over 2,000 articles (one in ten a near-verbatim copy
 * of a recent one, so the copy path is crossed by the kills too), and is killed with SIGKILL
 * once right after it reports RUNNING and three times at random points of its progress, each time
 * restarted on the same state directory. A {@code read_committed} consumer then finds every article id
 * exactly once across the enriched and dead-letter topics, and each planted copy carries its original's
 * story. The random points come from a seed printed
 * at the start; {@code -Dnewsstream.reliability.seed=N} replays one.
 */
class EnrichCrashIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    static final int ARTICLES = 2000;
    static final int RANDOM_KILLS = 3;
    private static final Duration STEP_DEADLINE = Duration.ofMinutes(4);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);

    @TempDir
    Path work;
    /** Process logs are kept after the run (CI can archive them); state directories are not. */
    private final Path logs = EnrichProcess.logDir(EnrichCrashIT.class);

    @Test
    void shouldDeliverEveryArticleExactlyOnceWhenTheEnrichProcessIsKilledRepeatedly() throws Exception {
        long seed = Long.getLong("newsstream.reliability.seed", System.nanoTime());
        System.out.println("EnrichCrashIT seed " + seed + " (-Dnewsstream.reliability.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers());
        KAFKA.createTopics(config.topics());
        // one article in ten is a near-verbatim copy of a recent one: copies take the story step's other path
        ArticleCorpus.WithCopies corpus = ArticleCorpus.withCopies(ArticleCorpus.load().articles("crash", ARTICLES, 4, seed), 10, seed);
        List<RawArticle> articles = corpus.articles();
        List<String> ids = articles.stream().map(RawArticle::id).toList();
        Feeder.publish(config, articles);
        List<Long> killAt = killPoints(random);
        Map<String, String> settings = ReliabilitySettings.enrich(work.resolve("state"), 2);

        long t0 = System.nanoTime();
        int kills = 0;
        int starts = 1;
        try (DeliveryLedger ledger = new DeliveryLedger(KAFKA, config.topics().name(Topics.ENRICHED),
                config.topics().name(Topics.DEADLETTER))) {
            EnrichProcess enrich = EnrichProcess.start("enrich", KAFKA.bootstrapServers(), settings, logs);
            try {
                // first: a kill in the middle of start-up work, right after the first assignment
                assertThat(enrich.awaitRunning(STEP_DEADLINE)).as(enrich.tail()).isTrue();
                enrich.kill();
                kills++;
                enrich = EnrichProcess.start("enrich", KAFKA.bootstrapServers(), settings, logs);
                starts++;
                for (long target : killAt) {
                    assertThat(ledger.awaitRecords(target, STEP_DEADLINE))
                            .as("%d records delivered before kill %d; %s", ledger.total(), kills + 1, enrich.tail()).isTrue();
                    enrich.kill();
                    kills++;
                    System.out.printf("EnrichCrashIT: SIGKILL %d after %d records delivered%n", kills, ledger.total());
                    enrich = EnrichProcess.start("enrich", KAFKA.bootstrapServers(), settings, logs);
                    starts++;
                }
                assertThat(ledger.awaitAll(ids, STEP_DEADLINE))
                        .as("%d of %d ids delivered; %s", ledger.total(), ARTICLES, enrich.tail()).isTrue();
            } finally {
                enrich.close();
            }
            ledger.drainToEnd(Duration.ofMinutes(1));
            double seconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf("EnrichCrashIT: %d articles, %d SIGKILLs, %d starts, %d enriched, %d dead-lettered, "
                            + "lost %d, duplicated %d, %.0f s%n", ARTICLES, kills, starts, ledger.enriched(), ledger.deadLettered(),
                    ledger.lost(ids).size(), ledger.duplicated().size(), seconds);
            assertThat(kills).isEqualTo(RANDOM_KILLS + 1);
            assertThat(ledger.lost(ids)).as("lost").isEmpty();
            assertThat(ledger.duplicated()).as("delivered more than once").isEmpty();
            assertThat(ledger.unexpected(ids)).as("not sent").isEmpty();
            assertThat(ledger.enriched()).as("enriched (these articles are all well formed)").isEqualTo(ARTICLES);
            // each planted pair was recognised, across the kills, and shares a story. Articles of different raw
            // partitions reach the copy finder in no fixed order, so either one may be the first seen.
            long paired = corpus.copyOf().entrySet().stream().filter(e -> {
                EnrichedArticle copy = ENRICHED.fromBytes(ledger.seen(e.getKey()).get(0).value());
                EnrichedArticle original = ENRICHED.fromBytes(ledger.seen(e.getValue()).get(0).value());
                assertThat(copy.story().id()).as("story of copy %s", e.getKey()).isEqualTo(original.story().id());
                String a = copy.story().duplicateOf();
                String b = original.story().duplicateOf();
                return original.id().equals(a) || copy.id().equals(b) || (a != null && a.equals(b));
            }).count();
            long sourceFirst = corpus.copyOf().keySet().stream()
                    .filter(id -> ENRICHED.fromBytes(ledger.seen(id).get(0).value()).story().duplicateOf() != null).count();
            System.out.printf("EnrichCrashIT: %d planted copies, %d recognised as copies of their source or the source as "
                    + "theirs (%d with the planted copy marked)%n", corpus.copyOf().size(), paired, sourceFirst);
            assertThat(paired).as("planted copies recognised").isEqualTo(corpus.copyOf().size());
        }
    }

    /** Record counts at which to kill: spread over the run, at least 150 records apart. */
    private static List<Long> killPoints(Random random) {
        TreeSet<Long> points = new TreeSet<>();
        while (points.size() < RANDOM_KILLS) {
            long p = 150 + random.nextInt(ARTICLES - 400);
            if (points.stream().allMatch(q -> Math.abs(q - p) >= 150)) {
                points.add(p);
            }
        }
        return List.copyOf(points);
    }
}
