package io.newsstream.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.Topics;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scaling out and failing over: two {@code newsstream enrich} processes (one stream thread each, as
 * on two machines: separate state directories, one standby replica) share a six-partition raw topic;
 * once both hold partitions and output is flowing, one is killed with SIGKILL; the other takes over
 * every partition and finishes the work. Every article id is delivered exactly once.
 */
class EnrichScaleOutIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    static final int ARTICLES = 1500;
    static final int PARTITIONS = 6;
    private static final Duration STEP_DEADLINE = Duration.ofMinutes(4);

    @TempDir
    Path work;
    private final Path logs = EnrichProcess.logDir(EnrichScaleOutIT.class);

    @Test
    void shouldShareThePartitionsAndLetTheSurvivorFinishExactlyOnceWhenOneInstanceIsKilled() throws Exception {
        long seed = Long.getLong("newsstream.reliability.seed", System.nanoTime());
        System.out.println("EnrichScaleOutIT seed " + seed + " (-Dnewsstream.reliability.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers())
                .with(Map.of("topic.partitions", Integer.toString(PARTITIONS)));
        KAFKA.createTopics(config.topics());
        String raw = config.topics().name(Topics.RAW);
        List<RawArticle> articles = ArticleCorpus.load().articles("scale", ARTICLES, 4, seed);
        List<String> ids = articles.stream().map(RawArticle::id).toList();
        Feeder.publish(config, articles);

        long t0 = System.nanoTime();
        try (DeliveryLedger ledger = new DeliveryLedger(KAFKA, config.topics().name(Topics.ENRICHED),
                config.topics().name(Topics.DEADLETTER))) {
            EnrichProcess a = EnrichProcess.start("enrich-a", KAFKA.bootstrapServers(), settings("a"), logs);
            EnrichProcess b = EnrichProcess.start("enrich-b", KAFKA.bootstrapServers(), settings("b"), logs);
            try {
                // Given both instances hold raw partitions
                Map<String, Set<Integer>> shared = awaitOwners(ledger, raw, 2);
                System.out.println("EnrichScaleOutIT: partitions shared as " + shared);
                assertThat(shared).as("owners of %s; %s; %s", raw, a.tail(), b.tail()).hasSize(2);
                assertThat(shared.values().stream().mapToInt(Set::size).sum()).isEqualTo(PARTITIONS);

                // When one is killed at a random point of the work
                long killAt = ledger.total() + 100 + random.nextInt(500);
                assertThat(ledger.awaitRecords(killAt, STEP_DEADLINE)).as("%s; %s", a.tail(), b.tail()).isTrue();
                EnrichProcess victim = random.nextBoolean() ? a : b;
                EnrichProcess survivor = victim == a ? b : a;
                victim.kill();
                long deliveredAtKill = ledger.total();
                System.out.printf("EnrichScaleOutIT: SIGKILL %s after %d records delivered%n", victim.name(), deliveredAtKill);

                // Then the survivor takes every partition and finishes
                Map<String, Set<Integer>> after = awaitOwners(ledger, raw, 1);
                System.out.println("EnrichScaleOutIT: partitions after the kill " + after);
                assertThat(after).as(survivor.tail()).hasSize(1);
                assertThat(after.values().iterator().next()).hasSize(PARTITIONS);
                assertThat(ledger.awaitAll(ids, STEP_DEADLINE))
                        .as("%d of %d delivered; %s", ledger.total(), ARTICLES, survivor.tail()).isTrue();
                assertThat(ledger.total()).as("the survivor did work after the kill").isGreaterThan(deliveredAtKill);
            } finally {
                try {
                    a.close();
                } finally {
                    b.close();
                }
            }
            ledger.drainToEnd(Duration.ofMinutes(1));
            double seconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf("EnrichScaleOutIT: %d articles, %d partitions, 2 instances, 1 SIGKILL, %d enriched, "
                            + "%d dead-lettered, lost %d, duplicated %d, %.0f s%n", ARTICLES, PARTITIONS, ledger.enriched(),
                    ledger.deadLettered(), ledger.lost(ids).size(), ledger.duplicated().size(), seconds);
            assertThat(ledger.lost(ids)).as("lost").isEmpty();
            assertThat(ledger.duplicated()).as("delivered more than once").isEmpty();
            assertThat(ledger.unexpected(ids)).as("not sent").isEmpty();
            assertThat(ledger.enriched()).isEqualTo(ARTICLES);
        }
    }

    private Map<String, String> settings(String instance) {
        Map<String, String> m = ReliabilitySettings.enrich(work.resolve("state-" + instance), 1);
        // documented in docs/reliability.md: kafka.* settings reach Kafka Streams unchanged
        m.put("kafka.num.standby.replicas", "1");
        return m;
    }

    /**
     * Polls the enrich group until exactly {@code instances} processes own the raw topic's partitions,
     * all of them assigned; the ledger's polls are the pause between the group descriptions.
     *
     * @return process (client id up to the stream thread) to the raw partitions it owns
     */
    private static Map<String, Set<Integer>> awaitOwners(DeliveryLedger ledger, String raw, int instances) throws Exception {
        long end = System.nanoTime() + STEP_DEADLINE.toNanos();
        Map<String, Set<Integer>> owners = Map.of();
        while (System.nanoTime() < end) {
            owners = owners(raw);
            if (owners.size() == instances && owners.values().stream().mapToInt(Set::size).sum() == PARTITIONS) {
                return owners;
            }
            ledger.poll(Duration.ofMillis(500));
        }
        return owners;
    }

    private static Map<String, Set<Integer>> owners(String raw) throws Exception {
        ConsumerGroupDescription group;
        try {
            group = KAFKA.admin().describeConsumerGroups(List.of(NewsstreamConfig.defaults().enrich().applicationId()))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of(); // no instance has joined yet
            }
            throw e;
        }
        Map<String, Set<Integer>> owners = new HashMap<>();
        for (MemberDescription m : group.members()) {
            // client ids are <application>-<process uuid>-StreamThread-<n>-consumer: one process, one uuid
            String client = m.clientId();
            int thread = client.indexOf("-StreamThread-");
            String process = thread < 0 ? client : client.substring(0, thread);
            for (TopicPartition tp : m.assignment().topicPartitions()) {
                if (tp.topic().equals(raw)) {
                    owners.computeIfAbsent(process, k -> new TreeSet<>()).add(tp.partition());
                }
            }
        }
        return new TreeMap<>(owners);
    }
}
