package io.newsstream.ingest.publish;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes articles to the raw topic ({@link Topics#RAW}: key the article id as a string, value the
 * {@link RawArticle} as JSON), each id at most once per {@link SeenIds}. The producer is idempotent
 * with {@code acks=all}, so broker retries never duplicate a record, and compresses batches with lz4.
 */
public final class ArticlePublisher implements ArticleSink {

    /** Compression of the raw topic's batches: cheap on CPU, about a third of the size for prose. */
    public static final String COMPRESSION = "lz4";
    /** How long a send may wait for metadata or buffer space before failing; the client default is a minute. */
    static final String MAX_BLOCK_MS = "30000";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private final SeenIds seen;

    /**
     * @param producer the producer to write with (a {@code MockProducer} in tests)
     * @param topic    the raw topic's name in this deployment
     * @param seen     ids already published; shared with whatever preloaded it
     */
    public ArticlePublisher(Producer<String, RawArticle> producer, String topic, SeenIds seen) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    /** A publisher with a new {@link KafkaProducer} configured from {@code config}. */
    public static ArticlePublisher create(NewsstreamConfig config, SeenIds seen) {
        Properties props = producerProperties(config);
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        return new ArticlePublisher(producer, config.topics().name(Topics.RAW), seen);
    }

    /**
     * The producer's settings: sensible defaults, then the pass-through client settings of
     * {@code config} (SASL, SSL, or another compression), then what the nothing-lost, no-duplicates
     * promise rests on and no setting may change: idempotence, {@code acks=all} and one request in flight.
     */
    public static Properties producerProperties(NewsstreamConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsstream-ingest");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        p.putAll(config.clientProperties());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight per broker: with more, a first request to a just-created partition can be
        // refused (NOT_LEADER_OR_FOLLOWER) while the next is accepted, and the first then fails on every
        // retry with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591). Ingest creates the raw
        // topic and publishes at once, and its rate needs no pipelining.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return p;
    }

    /** The topic written to. */
    public String topic() {
        return topic;
    }

    /** The ids this publisher will not publish again. */
    public SeenIds seen() {
        return seen;
    }

    @Override
    public CompletableFuture<Outcome> publish(RawArticle article) {
        String id = article.id();
        if (!seen.add(id)) {
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, id, article), (metadata, error) -> {
                if (error == null) {
                    result.complete(Outcome.PUBLISHED);
                } else {
                    seen.remove(id);
                    result.completeExceptionally(failure(error));
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            seen.remove(id);
            result.completeExceptionally(failure(e));
        }
        return result;
    }

    private PublishException failure(Throwable e) {
        return new PublishException("cannot publish to topic '" + topic + "': " + e.getMessage(), e);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
