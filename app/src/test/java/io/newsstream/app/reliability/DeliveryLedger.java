package io.newsstream.app.reliability;

import io.newsstream.common.topics.DeadLetterHeaders;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts what the enrich stage delivered: one {@code read_committed} consumer over the enriched and
 * dead-letter topics, from the beginning, tallying each key. Records of aborted transactions (from a
 * killed process) are never seen; a record committed twice would be counted twice. Not thread-safe:
 * one test thread polls it.
 */
final class DeliveryLedger implements AutoCloseable {

    /** Where one record was found (and its value), for messages about duplicates and checks of content. */
    record Seen(String topic, int partition, long offset, String reason, byte[] value, long seenAtNanos) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset + (reason == null ? "" : " (" + reason + ")");
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String enrichedTopic;
    private final String deadLetterTopic;
    private final Map<String, List<Seen>> byKey = new HashMap<>();
    private long enriched;
    private long deadLettered;

    DeliveryLedger(KafkaBrokerExtension kafka, String enrichedTopic, String deadLetterTopic) {
        this.enrichedTopic = enrichedTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.consumer = kafka.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(enrichedTopic, deadLetterTopic)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads whatever is there within {@code timeout}. */
    void poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            String reason = null;
            if (r.topic().equals(deadLetterTopic)) {
                deadLettered++;
                Header h = r.headers().lastHeader(DeadLetterHeaders.MESSAGE);
                reason = h == null ? "(no reason header)" : new String(h.value(), StandardCharsets.UTF_8);
            } else {
                enriched++;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Seen(r.topic(), r.partition(), r.offset(), reason, r.value(),
                    System.nanoTime()));
        }
    }

    /** Polls until at least {@code records} records were read in all, or the deadline passes. */
    boolean awaitRecords(long records, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (total() < records && System.nanoTime() < end) {
            poll(Duration.ofMillis(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())))));
        }
        return total() >= records;
    }

    /** Polls until every id of {@code ids} was seen at least once, or the deadline passes. */
    boolean awaitAll(Collection<String> ids, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!byKey.keySet().containsAll(ids) && System.nanoTime() < end) {
            poll(Duration.ofMillis(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())))));
        }
        return byKey.keySet().containsAll(ids);
    }

    /**
     * Reads up to the current end of both topics (for {@code read_committed}: the last stable offset), so
     * that a duplicate written after the last expected id arrived is counted too.
     */
    void drainToEnd(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        while (System.nanoTime() < end && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            poll(Duration.ofMillis(200));
        }
        if (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            throw new IllegalStateException("could not read to the end of " + enrichedTopic + " and " + deadLetterTopic
                    + " within " + deadline);
        }
    }

    long enriched() {
        return enriched;
    }

    long deadLettered() {
        return deadLettered;
    }

    long total() {
        return enriched + deadLettered;
    }

    /** Where each record of {@code key} was found (empty when never). */
    List<Seen> seen(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The dead-letter reason of {@code key}'s first record, or null when it was enriched or never seen. */
    String reason(String key) {
        return seen(key).stream().map(Seen::reason).filter(r -> r != null).findFirst().orElse(null);
    }

    /** Ids of {@code expected} never delivered. */
    Set<String> lost(Collection<String> expected) {
        Set<String> lost = new TreeSet<>();
        expected.forEach(id -> {
            if (!byKey.containsKey(id)) {
                lost.add(id);
            }
        });
        return lost;
    }

    /** Ids delivered more than once, with where each copy was. */
    Map<String, List<Seen>> duplicated() {
        Map<String, List<Seen>> dup = new LinkedHashMap<>();
        byKey.forEach((k, v) -> {
            if (v.size() > 1) {
                dup.put(k, v);
            }
        });
        return dup;
    }

    /** Keys delivered that are not in {@code expected}. */
    Set<String> unexpected(Collection<String> expected) {
        Set<String> all = new TreeSet<>(byKey.keySet().stream().map(String::valueOf).toList());
        expected.forEach(all::remove);
        return all;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
