package io.newsstream.common.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * An immutable description of one topic: the key it is configured by, its default name, its key and
 * value serdes and the topic-level configs it is created with. Names, partitions and replication can
 * be changed per deployment through {@link io.newsstream.common.config.TopicConfig}.
 *
 * @param key          short name used in settings, e.g. {@code raw} for {@code topic.raw.name}
 * @param defaultName  the topic's name unless configured otherwise
 * @param keySerde     serde of the record key
 * @param valueSerde   serde of the record value
 * @param configs      topic configs, e.g. {@code cleanup.policy=compact}
 * @param description  one line for help text and docs
 * @param <K>          key type
 * @param <V>          value type
 */
public record TopicSpec<K, V>(
        String key,
        String defaultName,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        Map<String, String> configs,
        String description) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
