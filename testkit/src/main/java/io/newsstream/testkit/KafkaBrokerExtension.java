package io.newsstream.testkit;

import io.newsstream.broker.EmbeddedKafkaBroker;
import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A JUnit 5 extension giving a test class one real Kafka broker, started before the first test and
 * stopped after the last:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension kafka = KafkaBrokerExtension.create();
 * }</pre>
 *
 * Where a Docker engine answers, the broker is Testcontainers' {@code apache/kafka} container
 * ({@value #KAFKA_IMAGE}); otherwise it is the in-process {@link EmbeddedKafkaBroker}. The environment
 * variable {@value #MODE_ENV} (or the system property {@value #MODE_PROPERTY}) set to {@code embedded} or
 * {@code docker} forces one. Both brokers are single-node KRaft with auto topic creation off and
 * transactions available, so the same test classes run on either.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    /** The broker image of the Docker path: the same Kafka release as the clients and the embedded broker. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    /** Environment variable that forces a broker: {@code embedded} or {@code docker}. */
    public static final String MODE_ENV = "NEWSSTREAM_TEST_BROKER";
    /** System property that forces a broker, winning over {@link #MODE_ENV}. */
    public static final String MODE_PROPERTY = "newsstream.test.broker";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);

    /** Which kind of broker a test class runs against. */
    public enum Mode {
        /** {@link EmbeddedKafkaBroker} in the test JVM. */
        EMBEDDED,
        /** A Testcontainers {@code apache/kafka} container. */
        DOCKER
    }

    private final Optional<Mode> forcedMode;
    private final Map<String, String> brokerConfigs;

    private Mode mode;
    private EmbeddedKafkaBroker embedded;
    private KafkaContainer container;
    private Admin admin;
    /** The class whose beforeAll started the broker; nested classes share it and must not stop it. */
    private String owner;

    private KafkaBrokerExtension(Optional<Mode> forcedMode, Map<String, String> brokerConfigs) {
        this.forcedMode = forcedMode;
        this.brokerConfigs = Map.copyOf(brokerConfigs);
    }

    /** A broker chosen by {@value #MODE_ENV} / {@value #MODE_PROPERTY}, else Docker if it answers, else embedded. */
    public static KafkaBrokerExtension create() {
        return new KafkaBrokerExtension(Optional.empty(), Map.of());
    }

    /**
     * Always the embedded broker, whatever the environment says: for tests that need
     * {@link #restartBroker()} or {@link #stopBroker()}.
     */
    public static KafkaBrokerExtension embedded() {
        return new KafkaBrokerExtension(Optional.of(Mode.EMBEDDED), Map.of());
    }

    /**
     * A copy that also sets a broker config ({@code log.retention.ms}, ...) on either broker; on the Docker
     * path it becomes the container's {@code KAFKA_*} variable.
     */
    public KafkaBrokerExtension withBrokerConfig(String key, String value) {
        Map<String, String> m = new HashMap<>(brokerConfigs);
        m.put(key, value);
        return new KafkaBrokerExtension(forcedMode, m);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            owner = null;
            close();
        }
    }

    private void start() {
        mode = forcedMode.orElseGet(KafkaBrokerExtension::chooseMode);
        long t0 = System.nanoTime();
        if (mode == Mode.DOCKER) {
            KafkaContainer c = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
            brokerConfigs.forEach((k, v) -> c.withEnv(imageEnvName(k), v));
            container = c;
            c.start();
        } else {
            embedded = EmbeddedKafkaBroker.builder().configs(brokerConfigs).build().start();
        }
        LOG.info("Kafka broker for tests ({}) on {} in {} ms", mode, bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /**
     * The apache/kafka image's variable for a broker config: {@code KAFKA_} and the name in capitals,
     * with {@code .} as {@code _}, {@code _} as {@code __} and {@code -} as {@code ___}.
     */
    static String imageEnvName(String config) {
        StringBuilder sb = new StringBuilder("KAFKA_");
        for (char ch : config.toUpperCase(Locale.ROOT).toCharArray()) {
            sb.append(switch (ch) {
                case '.' -> "_";
                case '_' -> "__";
                case '-' -> "___";
                default -> String.valueOf(ch);
            });
        }
        return sb.toString();
    }

    static Mode chooseMode() {
        String forced = Optional.ofNullable(System.getProperty(MODE_PROPERTY))
                .or(() -> Optional.ofNullable(System.getProperty(MODE_ENV)))
                .or(() -> Optional.ofNullable(System.getenv(MODE_ENV)))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .orElse(null);
        if (forced == null) {
            return DockerClientFactory.instance().isDockerAvailable() ? Mode.DOCKER : Mode.EMBEDDED;
        }
        return switch (forced) {
            case "embedded" -> Mode.EMBEDDED;
            case "docker" -> {
                if (!DockerClientFactory.instance().isDockerAvailable()) {
                    throw new IllegalStateException(MODE_ENV + "=docker, but no Docker engine answers; "
                            + "start one or set " + MODE_ENV + "=embedded");
                }
                yield Mode.DOCKER;
            }
            default -> throw new IllegalStateException(MODE_ENV + " must be 'embedded' or 'docker', got '" + forced + "'");
        };
    }

    /** Which broker this class got. */
    public Mode mode() {
        requireStarted();
        return mode;
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        requireStarted();
        return mode == Mode.DOCKER ? container.getBootstrapServers() : embedded.bootstrapServers();
    }

    /** An admin client on this broker, shared by the test class and closed after it. */
    public synchronized Admin admin() {
        requireStarted();
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "newsstream-testkit-admin"));
        }
        return admin;
    }

    /** Creates the topics and waits until the broker confirms them and every partition's leader answers for it (30 s each at most). */
    public void createTopics(NewTopic... topics) {
        try {
            admin().createTopics(Arrays.asList(topics)).all().get(30, TimeUnit.SECONDS);
            TopicAdmin.awaitLeaders(admin(), Arrays.stream(topics).map(NewTopic::name).toList(), Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names(topics) + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics " + names(topics) + " took longer than 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names(topics), e);
        }
    }

    /** Creates every topic of the registry ({@link Topics#all()}) as {@code config} names and sizes them. */
    public void createTopics(TopicConfig config) {
        createTopics(Topics.all().stream().map(config::newTopic).toArray(NewTopic[]::new));
    }

    /** Creates every topic of the registry with the default names, partitions and configs. */
    public void createRegistryTopics() {
        createTopics(TopicConfig.defaults());
    }

    /** Client settings pointing at this broker, for clients a test builds itself. */
    public Map<String, Object> clientProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** A producer with {@code acks=all} and idempotence; the caller closes it. */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        return producer(keySerializer, valueSerializer, Map.of());
    }

    /**
     * A producer with extra settings, e.g. {@code transactional.id} for a transactional producer; the
     * caller closes it.
     */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                               Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putAll(overrides);
        return new KafkaProducer<>(p, keySerializer, valueSerializer);
    }

    /**
     * A consumer in a fresh group, reading from the earliest offset with {@code read_committed}
     * isolation and no auto commit; the caller closes it.
     */
    public <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return consumer(keyDeserializer, valueDeserializer, Map.of());
    }

    /** A consumer as {@link #consumer(Deserializer, Deserializer)} with extra settings; the caller closes it. */
    public <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
                                               Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsstream-testkit-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.putAll(overrides);
        return new KafkaConsumer<>(p, keyDeserializer, valueDeserializer);
    }

    /**
     * Reads {@code topic} from the beginning of every partition with {@code read_committed} isolation
     * until at least {@code expected} records arrived or {@code deadline} passed, and returns what it
     * read (fewer than expected if the deadline passed, possibly more if more were there): the caller
     * asserts. Records of one partition keep their order. No consumer group is used, so nothing is
     * committed.
     */
    public <K, V> List<ConsumerRecord<K, V>> consume(String topic, Deserializer<K> keyDeserializer,
                                                    Deserializer<V> valueDeserializer, int expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = consumerWithoutGroup(keyDeserializer, valueDeserializer)) {
            Set<TopicPartition> partitions = partitionsOf(consumer, topic, end);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (out.size() < expected && System.nanoTime() < end) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                consumer.poll(Duration.ofMillis(Math.max(1, Math.min(200, remainingMs)))).forEach(out::add);
            }
        }
        return out;
    }

    private <K, V> KafkaConsumer<K, V> consumerWithoutGroup(Deserializer<K> k, Deserializer<V> v) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsstream-testkit-consume");
        return new KafkaConsumer<>(p, k, v);
    }

    /**
     * The topic's partitions. A topic that a test or the code under test is still creating is waited for
     * by a producer's metadata lookup, which keeps asking the broker (with the client's own retry backoff)
     * until the topic appears or the deadline passes: the consumer's lookup answers a missing topic at once.
     */
    private Set<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, long endNanos) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMillis(
                Math.max(1, Math.min(2000, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime())))));
        if (infos == null || infos.isEmpty()) {
            long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
            try (KafkaProducer<byte[], byte[]> metadata = producer(new ByteArraySerializer(), new ByteArraySerializer(),
                    Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, remainingMs, ProducerConfig.CLIENT_ID_CONFIG, "newsstream-testkit-metadata"))) {
                infos = metadata.partitionsFor(topic);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new IllegalStateException("topic '" + topic + "' does not exist on " + bootstrapServers()
                        + " (topics are never created automatically: create it first)", e);
            }
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).collect(Collectors.toSet());
    }

    /** Whether {@link #restartBroker()} and {@link #stopBroker()} work: on the embedded broker only. */
    public boolean supportsRestart() {
        requireStarted();
        return mode == Mode.EMBEDDED;
    }

    /**
     * Stops the broker and starts it again on the same log directory and port, keeping every record.
     * Embedded broker only: a Testcontainers container does not keep its mapped port across a stop, so
     * on the Docker path this throws {@link UnsupportedOperationException}; guard such tests with
     * {@code assumeTrue(kafka.supportsRestart())} or use {@link #embedded()}.
     */
    public void restartBroker() {
        requireEmbedded("restartBroker");
        embedded.restart();
    }

    /** Stops the broker, keeping its data and port, to test what clients do without one. Embedded only. */
    public void stopBroker() {
        requireEmbedded("stopBroker");
        embedded.stop();
    }

    /** Starts a broker stopped by {@link #stopBroker()} on the same data and port. Embedded only. */
    public void startBroker() {
        requireEmbedded("startBroker");
        if (!embedded.isRunning()) {
            embedded.start();
        }
    }

    private void requireEmbedded(String what) {
        requireStarted();
        if (mode != Mode.EMBEDDED) {
            throw new UnsupportedOperationException(what + " needs the embedded broker; this class runs on " + mode
                    + " (use KafkaBrokerExtension.embedded() or assumeTrue(kafka.supportsRestart()))");
        }
    }

    private void requireStarted() {
        if (embedded == null && container == null) {
            throw new IllegalStateException("the Kafka broker is not running: register the extension on a static field "
                    + "with @RegisterExtension so it starts before the tests");
        }
    }

    private synchronized void close() {
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            admin = null;
            try {
                if (embedded != null) {
                    embedded.close();
                }
                if (container != null) {
                    container.stop();
                }
            } finally {
                embedded = null;
                container = null;
            }
        }
    }

    private static String names(NewTopic... topics) {
        return Arrays.stream(topics).map(NewTopic::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
