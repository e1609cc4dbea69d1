package io.newsstream.app.dashboard;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code news.dashboard.stories}, {@code .articles}, {@code .entities} and {@code news.deadletter}
 * from the beginning into a {@link DashboardState}, then follows them. No consumer group: every start
 * reads the compacted topics again, so a restart shows the same state; the consumer reconnects by
 * itself when the broker goes away and comes back.
 */
final class DashboardReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final String stories;
    private final String articles;
    private final String entities;
    private final String deadLetter;
    private volatile boolean running = true;

    private final StageMetrics metrics;

    DashboardReader(NewsstreamConfig config, DashboardState state, StageMetrics metrics) {
        this.metrics = metrics;
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsstream-dashboard");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.stories = config.topics().name(Topics.DASHBOARD_STORIES);
        this.articles = config.topics().name(Topics.DASHBOARD_ARTICLES);
        this.entities = config.topics().name(Topics.DASHBOARD_ENTITIES);
        this.deadLetter = config.topics().name(Topics.DEADLETTER);
        this.thread = new Thread(() -> run(state), "dashboard-reader");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(DashboardState state) {
        try {
            List<String> topics = List.of(stories, articles, entities, deadLetter);
            // assign every partition (no group): retried until the topics exist
            while (running) {
                var partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream()
                        .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))).toList();
                if (partitions.size() >= topics.size()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    break;
                }
            }
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    if (r.topic().equals(stories)) {
                        state.story(key, r.value());
                    } else if (r.topic().equals(articles)) {
                        state.article(key, r.value());
                        metrics.articleIn("dashboard");
                    } else if (r.topic().equals(entities)) {
                        state.entity(key, r.value());
                    } else {
                        state.deadLetter(r.key(), r.headers(), r.timestamp());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The consumer's own metrics, for {@code /metrics}. */
    Map<MetricName, ? extends Metric> metrics() {
        return consumer.metrics();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
