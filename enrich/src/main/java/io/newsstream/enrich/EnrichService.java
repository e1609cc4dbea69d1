package io.newsstream.enrich;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.topology.DeadLetterProductionExceptionHandler;
import io.newsstream.enrich.topology.EnrichTopology;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * Runs the enrich topology as a Kafka Streams application: exactly-once (v2), the configured number
 * of stream threads, and the dead-letter policy for anything the topology itself did not catch.
 */
public final class EnrichService implements AutoCloseable {

    private final KafkaStreams streams;
    private final Topology topology;

    public EnrichService(NewsstreamConfig config, Enricher enricher) {
        this(config, enricher, new StageMetrics());
    }

    /** As above, counting articles, dead letters, copies and timings into {@code metrics}. */
    public EnrichService(NewsstreamConfig config, Enricher enricher, StageMetrics metrics) {
        Topology topology = new EnrichTopology(enricher, config.topics(), config.enrich().storyQuietPeriod(), metrics,
                config.enrich()).build();
        this.topology = topology;
        this.streams = new KafkaStreams(topology, streamsProperties(config));
    }

    /** Kafka Streams settings of the enrich application, client pass-through settings included. */
    public static Properties streamsProperties(NewsstreamConfig config) {
        Properties p = new Properties();
        // Unless enrich.commit.idle is off, IdleCommit paces the commits: an idle thread commits at once (and
        // polls briefly so it notices its idleness in time), a busy one that keeps up every
        // enrich.commit.interval, one in a backlog at Kafka Streams' interval, enrich.commit.backlog.interval.
        // With idle commits off, every enrich.commit.interval. A kafka.* setting wins.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.enrich().streamsCommitInterval().toMillis());
        if (!config.enrich().commitWhenIdle().isZero()) {
            p.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, config.enrich().commitWhenIdle().toMillis()));
        }
        // Commits follow each other closely, and a transaction begun while the coordinator still writes the
        // previous one's markers is refused (CONCURRENT_TRANSACTIONS) and retried after retry.backoff.ms:
        // the client's 100 ms stalled a commit, and the articles behind it, that long (measured in the bench).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        p.putAll(config.clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.enrich().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.enrich().threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.enrich().stateDir().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topics().replicationFactor());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().name(Topics.DEADLETTER));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionExceptionHandler.class);
        p.put(DeadLetterProductionExceptionHandler.STAGE_CONFIG, "enrich");
        // Enrichment takes tens of milliseconds per article; keep batches small so a rebalance or a
        // commit never waits on a long poll's worth of NLP.
        p.put(StreamsConfig.consumerPrefix("max.poll.records"), 50);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return p;
    }

    /** The topology this service runs, for logging and inspection. */
    public Topology topology() {
        return topology;
    }

    /** The running Kafka Streams instance, for state and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        streams.start();
    }

    /** Closes the application within 30 s, its stream threads leaving the consumer group so the rest rebalance at once. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(java.time.Duration.ofSeconds(30)));
    }
}
