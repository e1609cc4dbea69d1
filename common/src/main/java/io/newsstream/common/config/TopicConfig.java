package io.newsstream.common.config;

import io.newsstream.common.topics.TopicSpec;
import io.newsstream.common.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Per-deployment topic names, partitions and replication.
 *
 * @param names             topic key to name, for every topic in {@link Topics#all()}
 * @param partitions        topic key to partition count, for every topic
 * @param replicationFactor replication factor of every topic
 */
public record TopicConfig(Map<String, String> names, Map<String, Integer> partitions, short replicationFactor) {

    /**
     * Partitions of every topic without its own count. Enrich runs one task per raw partition plus the
     * story step's one task, and Kafka Streams gives each stream thread an equal number of tasks, not of
     * work: with 7 raw partitions there are 8 tasks, an equal share for 1, 2, 4 or 8 threads, and the
     * thread that runs the story step has one raw partition fewer. With 3 (the default until 2026-12)
     * and 2 threads one thread had two raw partitions and the other one plus the story step.
     */
    public static final int DEFAULT_PARTITIONS = 7;

    public TopicConfig {
        names = Map.copyOf(names);
        partitions = Map.copyOf(partitions);
    }

    /** Defaults: registry names, {@value #DEFAULT_PARTITIONS} partitions, replication 1. */
    public static TopicConfig defaults() {
        return from(new Settings(Map.of()));
    }

    /** Reads {@code topic.partitions}, {@code topic.replication} and {@code topic.<key>.name|partitions}. */
    public static TopicConfig from(Settings s) {
        int defaultPartitions = s.positiveInt("topic.partitions", DEFAULT_PARTITIONS);
        int replication = s.positiveInt("topic.replication", 1);
        if (replication > Short.MAX_VALUE) {
            throw new ConfigException("setting 'topic.replication' is too large: " + replication);
        }
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> parts = new HashMap<>();
        for (TopicSpec<?, ?> t : Topics.all()) {
            String name = s.string("topic." + t.key() + ".name", t.defaultName());
            if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ConfigException("setting 'topic." + t.key() + ".name' is not a legal Kafka topic name: '" + name + "'");
            }
            names.put(t.key(), name);
            parts.put(t.key(), s.positiveInt("topic." + t.key() + ".partitions", defaultPartitions));
        }
        return new TopicConfig(names, parts, (short) replication);
    }

    /** The name this deployment uses for {@code topic}. */
    public String name(TopicSpec<?, ?> topic) {
        return names.get(topic.key());
    }

    public int partitions(TopicSpec<?, ?> topic) {
        return partitions.get(topic.key());
    }

    /** The admin request that creates {@code topic} as configured. */
    public NewTopic newTopic(TopicSpec<?, ?> topic) {
        return new NewTopic(name(topic), partitions(topic), replicationFactor).configs(topic.configs());
    }
}
