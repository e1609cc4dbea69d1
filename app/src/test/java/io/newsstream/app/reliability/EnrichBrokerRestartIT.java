package io.newsstream.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away mid-stream and comes back on the same log directory and port, twice: once
 * stopped while ingest's publisher is sending (the batch waits in the producer and is delivered when
 * the broker returns), once restarted while enrich is in the middle of its work. Ingest's idempotent
 * publisher and the exactly-once enrich application recover by themselves; every article is on the
 * raw topic once and delivered once.
 */
class EnrichBrokerRestartIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

    static final int BATCH = 400;
    static final int BATCHES = 3;
    private static final Duration STEP_DEADLINE = Duration.ofMinutes(4);

    @TempDir
    Path state;

    @Test
    void shouldDeliverEveryArticleOnceAcrossTwoBrokerRestarts() throws Exception {
        long seed = Long.getLong("newsstream.reliability.seed", System.nanoTime());
        System.out.println("EnrichBrokerRestartIT seed " + seed);
        Random random = new Random(seed);
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "2",
                "enrich.state.dir", state.toString()));
        KAFKA.createTopics(config.topics());
        List<RawArticle> articles = ArticleCorpus.load().articles("restart", BATCH * BATCHES, 4, seed);
        List<String> ids = articles.stream().map(RawArticle::id).toList();
        AtomicInteger replacedThreads = new AtomicInteger();

        long t0 = System.nanoTime();
        EnrichService enrich = new EnrichService(config, EnricherFactory.create(config));
        // as `newsstream enrich` does (StreamsRunner): a failed stream thread is replaced, not fatal
        enrich.streams().setUncaughtExceptionHandler(e -> {
            replacedThreads.incrementAndGet();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        try (DeliveryLedger ledger = new DeliveryLedger(KAFKA, config.topics().name(Topics.ENRICHED),
                config.topics().name(Topics.DEADLETTER));
             ArticlePublisher publisher = ArticlePublisher.create(config, new SeenIds())) {
            enrich.start();
            List<CompletableFuture<ArticleSink.Outcome>> sent = new ArrayList<>();

            // batch 1, then the broker stops part-way through enrichment
            sent.addAll(publish(publisher, articles.subList(0, BATCH)));
            long stopAt = 50 + random.nextInt(BATCH - 150);
            assertThat(ledger.awaitRecords(stopAt, STEP_DEADLINE)).as("delivered before the stop: %d", ledger.total()).isTrue();
            KAFKA.stopBroker();
            // batch 2 is handed to the publisher while there is no broker, as a user's ingest run would:
            // a send waits up to max.block.ms (30 s) for the broker, so it runs on its own thread while
            // the broker comes back
            CompletableFuture<List<CompletableFuture<ArticleSink.Outcome>>> whileDown =
                    CompletableFuture.supplyAsync(() -> publish(publisher, articles.subList(BATCH, 2 * BATCH)));
            KAFKA.startBroker();
            sent.addAll(whileDown.get(2, TimeUnit.MINUTES));
            System.out.printf("EnrichBrokerRestartIT: broker stopped after %d records delivered, batch 2 sent while it was down%n",
                    stopAt);

            // batch 3, then a restart while enrich is busy with it
            sent.addAll(publish(publisher, articles.subList(2 * BATCH, 3 * BATCH)));
            long restartAt = 2L * BATCH + random.nextInt(BATCH / 2);
            assertThat(ledger.awaitRecords(restartAt, STEP_DEADLINE)).as("delivered before the restart: %d", ledger.total()).isTrue();
            KAFKA.restartBroker();
            System.out.printf("EnrichBrokerRestartIT: broker restarted after %d records delivered%n", ledger.total());

            for (CompletableFuture<ArticleSink.Outcome> f : sent) {
                assertThat(f.get(3, TimeUnit.MINUTES)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
            }
            assertThat(ledger.awaitAll(ids, STEP_DEADLINE)).as("%d of %d delivered; streams %s", ledger.total(), ids.size(),
                    enrich.streams().state()).isTrue();
            assertThat(enrich.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            enrich.close();
            ledger.drainToEnd(Duration.ofMinutes(1));
            double seconds = (System.nanoTime() - t0) / 1e9;

            Map<String, Long> rawCopies = KAFKA.consume(config.topics().name(Topics.RAW), new StringDeserializer(),
                            new ByteArrayDeserializer(), ids.size(), STEP_DEADLINE).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            System.out.printf("EnrichBrokerRestartIT: %d articles, 2 broker restarts, %d stream threads replaced, %d raw records, "
                            + "%d enriched, %d dead-lettered, lost %d, duplicated %d, %.0f s%n", ids.size(), replacedThreads.get(),
                    rawCopies.values().stream().mapToLong(Long::longValue).sum(), ledger.enriched(), ledger.deadLettered(),
                    ledger.lost(ids).size(), ledger.duplicated().size(), seconds);
            assertThat(rawCopies).as("raw records per id").hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
            assertThat(ledger.lost(ids)).as("lost").isEmpty();
            assertThat(ledger.duplicated()).as("delivered more than once").isEmpty();
            assertThat(ledger.unexpected(ids)).as("not sent").isEmpty();
            assertThat(ledger.enriched()).isEqualTo(ids.size());
        } finally {
            enrich.close();
        }
    }

    private static List<CompletableFuture<ArticleSink.Outcome>> publish(ArticlePublisher publisher, List<RawArticle> batch) {
        return batch.stream().map((Function<RawArticle, CompletableFuture<ArticleSink.Outcome>>) publisher::publish).toList();
    }
}
