package io.newsstream.ingest.publish;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Loads the ids already on the raw topic, so a second run over the same files publishes nothing new.
 * It reads record keys only (values stay undecoded bytes) from the first offset at or after
 * {@code now - lookback} to the end offsets seen at start, bounded by a count and a deadline: a slow
 * or absent broker costs at most the deadline, and the run goes on with what was loaded.
 */
public final class RawTopicIds {

    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * What was loaded.
     *
     * @param loaded      ids added to the set
     * @param complete    whether every partition was read to its end offset
     * @param unreachable whether the broker could not be reached or refused access at all
     * @param topicExists whether the topic exists (false: complete and empty)
     * @param problem     why not complete, null when complete
     */
    public record Result(int loaded, boolean complete, boolean unreachable, boolean topicExists, String problem) {

        static Result failed(KafkaException e) {
            return new Result(0, false, true, false, e.getMessage());
        }
    }

    private RawTopicIds() {
    }

    /** Consumer settings: the pass-through client settings, no group, no commits, no topic creation. */
    public static Properties consumerProperties(NewsstreamConfig config) {
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsstream-ingest-dedupe");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    /** Loads into {@code seen} with a new consumer built from {@code config}. */
    public static Result load(NewsstreamConfig config, SeenIds seen, Clock clock, Duration deadline) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return load(consumer, config.topics().name(Topics.RAW), config.ingest().dedupeLookback(), seen, clock, deadline);
        } catch (KafkaException e) {
            return Result.failed(e);
        }
    }

    /**
     * Loads the keys of {@code topic}'s records newer than {@code lookback} into {@code seen}, using
     * (and not closing) {@code consumer}. Past the set's capacity the oldest ids give way to newer ones.
     */
    public static Result load(Consumer<String, ?> consumer, String topic, Duration lookback, SeenIds seen,
                              Clock clock, Duration deadline) {
        Instant stopAt = clock.instant().plus(deadline);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, deadline);
            if (infos == null || infos.isEmpty()) {
                return new Result(0, true, false, false, null);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);

            long since = clock.instant().minus(lookback).toEpochMilli();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, remaining(clock, stopAt));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(clock, stopAt));

            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = starts.get(tp);
                long end = ends.getOrDefault(tp, 0L);
                // no offset for the time: every record of the partition is older than the lookback
                if (start != null && start.offset() < end) {
                    consumer.seek(tp, start.offset());
                    open.add(tp);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !open.contains(tp)).toList());

            int loaded = 0;
            while (!open.isEmpty()) {
                if (!clock.instant().isBefore(stopAt)) {
                    return new Result(loaded, false, false, true, "stopped after " + deadline.toSeconds() + " s ("
                            + open.size() + " partition(s) not read to the end)");
                }
                for (ConsumerRecord<String, ?> r : consumer.poll(POLL)) {
                    if (r.key() != null) {
                        seen.add(r.key());
                        loaded++;
                    }
                }
                for (TopicPartition tp : List.copyOf(open)) {
                    if (consumer.position(tp, remaining(clock, stopAt)) >= ends.getOrDefault(tp, 0L)) {
                        open.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            return new Result(loaded, true, false, true, null);
        } catch (KafkaException e) {
            return Result.failed(e);
        }
    }

    private static Duration remaining(Clock clock, Instant stopAt) {
        Duration d = Duration.between(clock.instant(), stopAt);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
