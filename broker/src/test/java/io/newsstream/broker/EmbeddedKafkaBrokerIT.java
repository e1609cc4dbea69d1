package io.newsstream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the embedded broker is a real Kafka: topics, transactions, restarts on the same data. */
class EmbeddedKafkaBrokerIT {

    @TempDir
    Path tmp;

    @Test
    void shouldServeTransactionalWritesToReadCommittedConsumersAndKeepThemAcrossRestart() throws Exception {
        Path dir = tmp.resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().logDir(dir).build().start()) {
            String bootstrap = broker.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            System.out.printf("embedded broker first start: %d ms%n", broker.lastStartupTime().orElseThrow().toMillis());
            createTopic(bootstrap, "t1");

            try (KafkaProducer<String, String> p = transactionalProducer(bootstrap, "tx-1")) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>("t1", "k1", "committed"));
                p.commitTransaction();
                p.beginTransaction();
                p.send(new ProducerRecord<>("t1", "k2", "aborted"));
                p.flush();
                p.abortTransaction();
                p.beginTransaction();
                p.send(new ProducerRecord<>("t1", "k3", "committed-too"));
                p.commitTransaction();
            }
            assertThat(readAll(bootstrap, "t1", 2)).containsExactly("committed", "committed-too");

            broker.restart();
            System.out.printf("embedded broker restart: %d ms%n", broker.lastStartupTime().orElseThrow().toMillis());
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(readAll(bootstrap, "t1", 2)).containsExactly("committed", "committed-too");
        }
        assertThat(dir).isDirectory();
        assertThat(dir.resolve("meta.properties")).isRegularFile();

        // A new broker on the same directory sees the same cluster and the same data.
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.builder().logDir(dir).build().start()) {
            assertThat(readAll(again.bootstrapServers(), "t1", 2)).containsExactly("committed", "committed-too");
        }
    }

    @Test
    void shouldRefuseToCreateTopicsImplicitly() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Properties c = consumerProps(broker.bootstrapServers());
            c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.partitionsFor("typo-topic", Duration.ofSeconds(2));
            } catch (org.apache.kafka.common.errors.TimeoutException | UnknownTopicOrPartitionException expected) {
                // either answer means the broker did not create it
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("typo-topic");
        }
    }

    @Test
    void shouldDeleteItsTemporaryLogDirOnClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
        Path dir = broker.logDir();
        assertThat(dir.resolve("meta.properties")).isRegularFile();
        assertThat(broker.clusterId()).isPresent();
        broker.close();
        assertThat(Files.exists(dir)).isFalse();
        assertThat(broker.isRunning()).isFalse();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldNotStartTwice() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
        }
    }

    private static void createTopic(String bootstrap, String name) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains(name);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrap, String txId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static Properties consumerProps(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return c;
    }

    /** Reads partition 0 from the start until {@code expected} values arrived or 30 s passed. */
    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
