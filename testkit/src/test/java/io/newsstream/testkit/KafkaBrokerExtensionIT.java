package io.newsstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the extension gives a working broker, whichever kind the machine allows. */
class KafkaBrokerExtensionIT {

    @RegisterExtension
    static final KafkaBrokerExtension kafka = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void shouldDeliverProducedRecordsToConsume() throws Exception {
        kafka.createTopics(new NewTopic("plain", 3, (short) 1));
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 6; i++) {
                p.send(new ProducerRecord<>("plain", "k" + i, "v" + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> got = kafka.consume("plain", new StringDeserializer(), new StringDeserializer(), 6, DEADLINE);

        assertThat(got).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5");
        assertThat(got).extracting(ConsumerRecord::partition).hasSizeGreaterThan(0).allMatch(part -> part >= 0 && part < 3);
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers() {
        kafka.createTopics(new NewTopic("tx", 1, (short) 1));
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-it"))) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>("tx", "a", "aborted"));
            p.flush();
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>("tx", "c", "committed"));
            p.commitTransaction();
        }

        // The aborted record sits before the committed one, so a consumer that saw it would return it first.
        List<ConsumerRecord<String, String>> got = kafka.consume("tx", new StringDeserializer(), new StringDeserializer(), 1, DEADLINE);

        assertThat(got).extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    void shouldKeepRecordsAcrossABrokerRestart() throws Exception {
        assumeTrue(kafka.supportsRestart(), "restart needs the embedded broker");
        kafka.createTopics(new NewTopic("durable", 1, (short) 1));
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("durable", "k", "before restart")).get();
        }
        String before = kafka.bootstrapServers();

        kafka.restartBroker();

        assertThat(kafka.bootstrapServers()).isEqualTo(before);
        assertThat(kafka.admin().listTopics().names().get()).contains("durable");
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("durable", "k", "after restart")).get();
        }
        assertThat(kafka.consume("durable", new StringDeserializer(), new StringDeserializer(), 2, DEADLINE))
                .extracting(ConsumerRecord::value).containsExactly("before restart", "after restart");
    }

    @Test
    void shouldCreateEveryRegistryTopicWithItsConfigs() throws Exception {
        TopicConfig config = TopicConfig.from(new io.newsstream.common.config.Settings(Map.of(
                "topic.partitions", "2", "topic.raw.name", "it.raw")));

        kafka.createTopics(config);

        assertThat(kafka.admin().listTopics().names().get())
                .contains("it.raw")
                .containsAll(Topics.all().stream().filter(t -> t != Topics.RAW).map(config::name).toList());
        assertThat(kafka.admin().describeTopics(List.of("it.raw")).allTopicNames().get().get("it.raw").partitions()).hasSize(2);
        ConfigResource dashboard = new ConfigResource(ConfigResource.Type.TOPIC, config.name(Topics.DASHBOARD_ARTICLES));
        Config described = kafka.admin().describeConfigs(List.of(dashboard)).all().get().get(dashboard);
        assertThat(described.get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void shouldReturnWhatArrivedWhenTheDeadlinePasses() throws Exception {
        kafka.createTopics(new NewTopic("short", 1, (short) 1));
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("short", "k", "only one")).get();
        }
        long t0 = System.nanoTime();

        List<ConsumerRecord<String, String>> got = kafka.consume("short", new StringDeserializer(), new StringDeserializer(), 5, Duration.ofSeconds(2));

        assertThat(got).extracting(ConsumerRecord::value).containsExactly("only one");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldWaitForATopicThatIsCreatedWhileConsumeRuns() throws Exception {
        var consumed = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                kafka.consume("late", new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(60)));
        kafka.createTopics(new NewTopic("late", 1, (short) 1));
        try (KafkaProducer<String, String> p = kafka.producer(new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("late", "k", "arrived")).get();
        }

        assertThat(consumed.get(90, java.util.concurrent.TimeUnit.SECONDS)).extracting(ConsumerRecord::value).containsExactly("arrived");
    }

    @Test
    void shouldNotCreateTopicsImplicitly() throws Exception {
        assertThatThrownBy(() -> kafka.consume("never-created", new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never-created");
        assertThat(kafka.admin().listTopics().names().get()).doesNotContain("never-created");
    }
}
