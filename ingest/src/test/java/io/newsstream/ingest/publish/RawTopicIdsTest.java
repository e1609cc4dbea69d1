package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RawTopicIdsTest {

    private static final String TOPIC = "news.articles.raw";
    private static final Instant NOW = Instant.parse("2025-01-10T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Offsets a time query answers with; MockConsumer does not implement the query itself. */
    private final Map<TopicPartition, Long> offsetsForTime = new java.util.HashMap<>();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> query, Duration timeout) {
            Map<TopicPartition, OffsetAndTimestamp> out = new java.util.HashMap<>();
            query.forEach((tp, time) -> out.put(tp, offsetsForTime.containsKey(tp) ? new OffsetAndTimestamp(offsetsForTime.get(tp), time) : null));
            return out;
        }
    };
    private final TopicPartition p0 = new TopicPartition(TOPIC, 0);
    private final TopicPartition p1 = new TopicPartition(TOPIC, 1);

    @Test
    void shouldLoadTheKeysOfEveryPartitionUpToTheEndOffsets() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node}),
                new PartitionInfo(TOPIC, 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.updateEndOffsets(Map.of(p0, 2L, p1, 1L));
        offsetsForTime.putAll(Map.of(p0, 0L, p1, 0L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0L, "id-1", new byte[0]));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1L, "id-2", new byte[0]));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 0L, "id-3", new byte[0]));
        });
        SeenIds seen = new SeenIds();

        RawTopicIds.Result r = RawTopicIds.load(consumer, TOPIC, Duration.ofDays(7), seen, clock, Duration.ofSeconds(5));

        assertThat(r.complete()).isTrue();
        assertThat(r.topicExists()).isTrue();
        assertThat(r.loaded()).isEqualTo(3);
        assertThat(seen.contains("id-1")).isTrue();
        assertThat(seen.contains("id-3")).isTrue();
    }

    @Test
    void shouldSkipPartitionsWhoseRecordsAreAllOlderThanTheLookback() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(p0, 0L));
        consumer.updateEndOffsets(Map.of(p0, 4L));
        SeenIds seen = new SeenIds();

        RawTopicIds.Result r = RawTopicIds.load(consumer, TOPIC, Duration.ofDays(7), seen, clock, Duration.ofSeconds(1));

        assertThat(r.complete()).isTrue();
        assertThat(r.loaded()).isZero();
    }

    @Test
    void shouldReportAMissingTopicAsCompleteAndEmpty() {
        SeenIds seen = new SeenIds();

        RawTopicIds.Result r = RawTopicIds.load(consumer, TOPIC, Duration.ofDays(7), seen, clock, Duration.ofSeconds(1));

        assertThat(r.complete()).isTrue();
        assertThat(r.topicExists()).isFalse();
        assertThat(seen.size()).isZero();
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhenThePartitionsNeverReachTheirEnd() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(p0, 0L));
        consumer.updateEndOffsets(Map.of(p0, 5L));
        offsetsForTime.put(p0, 0L);
        Clock ticking = new Clock() {
            private Instant t = NOW;

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                t = t.plusMillis(100);
                return t;
            }
        };

        RawTopicIds.Result r = RawTopicIds.load(consumer, TOPIC, Duration.ofDays(7), new SeenIds(), ticking, Duration.ofSeconds(2));

        assertThat(r.complete()).isFalse();
        assertThat(r.unreachable()).isFalse();
        assertThat(r.problem()).contains("stopped after 2 s");
    }
}
