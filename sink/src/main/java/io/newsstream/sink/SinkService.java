package io.newsstream.sink;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** Runs the sink topology as an exactly-once Kafka Streams application. */
public final class SinkService implements AutoCloseable {

    private final KafkaStreams streams;
    private final Topology topology;

    public SinkService(NewsstreamConfig config) {
        this(config, new io.newsstream.common.metrics.StageMetrics());
    }

    /** As above, counting articles into {@code metrics}. */
    public SinkService(NewsstreamConfig config, io.newsstream.common.metrics.StageMetrics metrics) {
        Topology topology = new SinkTopology(config.topics(), config.sink(), metrics).build();
        this.topology = topology;
        this.streams = new KafkaStreams(topology, streamsProperties(config));
    }

    /** Kafka Streams settings of the sink application. */
    public static Properties streamsProperties(NewsstreamConfig config) {
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.sink().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.sink().threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.sink().stateDir().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topics().replicationFactor());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().name(Topics.DEADLETTER));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return p;
    }

    /** The topology this service runs, for logging and inspection. */
    public Topology topology() {
        return topology;
    }

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
                .withTimeout(Duration.ofSeconds(30)));
    }
}
