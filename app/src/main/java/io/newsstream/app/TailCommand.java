package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.TopicSpec;
import io.newsstream.common.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsstream tail [TOPIC]}: prints a topic's events readably, following like {@code tail -f}. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's events readably and keep following it, like tail -f.",
                "TOPIC is a topic name or its registry key (raw, enriched, dashboard.articles, dashboard.entities, "
                        + "deadletter); default: enriched."},
        footer = {"", "Examples:", "  newsstream tail", "  newsstream tail deadletter --from-beginning",
                "  newsstream tail enriched --json --from-beginning --no-follow > enriched.jsonl"})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPIC", defaultValue = "enriched")
    String topic;

    @Option(names = "--json", description = "Print each value as its raw JSON, one per line.")
    boolean json;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the last few.")
    boolean fromBeginning;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "Without --from-beginning, start this many records before the end of each partition (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--no-follow", description = "Stop once caught up instead of waiting for new events.")
    boolean noFollow;

    @Option(names = "--max", paramLabel = "N", description = "Stop after printing N events.")
    Long max;

    @Override
    public Integer call() {
        NewsstreamConfig config = options.load();
        TopicSpec<?, ?> spec = resolve(config, topic);
        String name = spec == null ? topic : config.topics().name(spec);
        Properties p = config.clientProperties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.set(true);
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(name, Duration.ofSeconds(15));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new UserException("cannot reach Kafka at " + config.bootstrapServers() + " (no answer within 15 s)");
            }
            if (partitions == null || partitions.isEmpty()) {
                throw new UserException("topic '" + name + "' does not exist at " + config.bootstrapServers()
                        + " (create the topics with: newsstream topics create)");
            }
            List<TopicPartition> tps = new ArrayList<>();
            partitions.forEach(pi -> tps.add(new TopicPartition(name, pi.partition())));
            consumer.assign(tps);
            var begin = consumer.beginningOffsets(tps);
            var end = consumer.endOffsets(tps);
            for (TopicPartition tp : tps) {
                long start = fromBeginning ? begin.get(tp) : Math.max(begin.get(tp), end.get(tp) - lines);
                consumer.seek(tp, start);
            }
            long printed = 0;
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    System.out.println(render(spec, r));
                    printed++;
                    if (max != null && printed >= max) {
                        return 0;
                    }
                }
                System.out.flush();
                if (noFollow && records.isEmpty() && caughtUp(consumer, tps, end)) {
                    return 0;
                }
            }
        } catch (WakeupException e) {
            return 0;
        }
        return 0;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps,
                                    java.util.Map<TopicPartition, Long> end) {
        return tps.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    static TopicSpec<?, ?> resolve(NewsstreamConfig config, String topicOrKey) {
        for (TopicSpec<?, ?> t : Topics.all()) {
            if (t.key().equals(topicOrKey) || config.topics().name(t).equals(topicOrKey)) {
                return t;
            }
        }
        return null;
    }

    private String render(TopicSpec<?, ?> spec, ConsumerRecord<byte[], byte[]> r) {
        if (spec == Topics.DEADLETTER) {
            return EventFormatter.deadLetter(r.key(), r.value(), r.headers());
        }
        if (json || spec == null || r.value() == null) {
            String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
            return json ? value : (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8) + "  ") + value;
        }
        try {
            if (spec == Topics.RAW) {
                return EventFormatter.raw(JsonSerde.of(RawArticle.class).fromBytes(r.value()));
            } else if (spec == Topics.ENRICHED) {
                return EventFormatter.enriched(JsonSerde.of(EnrichedArticle.class).fromBytes(r.value()));
            } else if (spec == Topics.DASHBOARD_ARTICLES) {
                return EventFormatter.dashboardArticle(JsonSerde.of(DashboardArticle.class).fromBytes(r.value()));
            } else if (spec == Topics.DASHBOARD_ENTITIES) {
                return EventFormatter.entityWindow(JsonSerde.of(EntityWindowStats.class).fromBytes(r.value()));
            }
        } catch (RuntimeException e) {
            return "unreadable record at " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage();
        }
        return new String(r.value(), StandardCharsets.UTF_8);
    }
}
