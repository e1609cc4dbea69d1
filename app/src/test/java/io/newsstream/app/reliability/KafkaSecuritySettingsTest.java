package io.newsstream.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.enrich.EnrichService;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.RawTopicIds;
import io.newsstream.sink.SinkService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka client security settings given as {@code KAFKA_*} environment variables, {@code kafka.*}
 * properties or {@code --set kafka.*} flags reach every client newsstream builds: ingest's producer and
 * id-check consumer, and the enrich and sink Kafka Streams applications' producers, consumers and admin
 * clients. The example files of docs/security.md are checked here too.
 */
class KafkaSecuritySettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"newsstream\" password=\"s3cr3t-pw\";";

    private static final Map<String, String> SASL_SSL_ENV = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", JAAS,
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/newsstream/truststore.p12",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
            // launch-script variables are not client settings
            "KAFKA_HEAP_OPTS", "-Xmx1g");

    private static final Map<String, String> EXPECTED = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/newsstream/truststore.p12",
            "ssl.truststore.password", "trust-pw",
            "ssl.truststore.type", "PKCS12");

    @Test
    void shouldPassSaslSslSettingsFromTheEnvironmentToIngestsClients() {
        NewsstreamConfig config = NewsstreamConfig.load(null, SASL_SSL_ENV, Map.of());

        assertContainsAll(ArticlePublisher.producerProperties(config));
        assertContainsAll(RawTopicIds.consumerProperties(config));
        assertThat(config.clientProperties()).doesNotContainKey("heap.opts");
        // what the exactly-once promise rests on cannot be switched off by a pass-through setting
        NewsstreamConfig weakened = config.with(Map.of("kafka.enable.idempotence", "false", "kafka.acks", "1",
                "kafka.max.in.flight.requests.per.connection", "5"));
        assertThat(ArticlePublisher.producerProperties(weakened)).containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all").containsEntry("max.in.flight.requests.per.connection", "1");
    }

    @Test
    void shouldPassSaslSslSettingsFromTheEnvironmentToEveryClientOfTheStreamsApplications() {
        NewsstreamConfig config = NewsstreamConfig.load(null, SASL_SSL_ENV, Map.of());

        for (Properties p : new Properties[] {EnrichService.streamsProperties(config), SinkService.streamsProperties(config)}) {
            StreamsConfig streams = new StreamsConfig(p);
            assertContainsAll(streams.getProducerConfigs("p"));
            assertContainsAll(streams.getMainConsumerConfigs("g", "c", 0));
            assertContainsAll(streams.getRestoreConsumerConfigs("r"));
            assertContainsAll(streams.getGlobalConsumerConfigs("gc"));
            assertContainsAll(streams.getAdminConfigs("a"));
            assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        }
    }

    @Test
    void shouldLetFlagsWinOverTheEnvironment() {
        NewsstreamConfig config = NewsstreamConfig.load(null, SASL_SSL_ENV,
                Map.of("kafka.sasl.mechanism", "SCRAM-SHA-256"));

        assertThat(ArticlePublisher.producerProperties(config)).containsEntry("sasl.mechanism", "SCRAM-SHA-256");
    }

    @Test
    void shouldPassStreamsScalingSettingsThrough() {
        NewsstreamConfig config = NewsstreamConfig.load(null, Map.of(),
                Map.of("kafka.num.standby.replicas", "1", "kafka.session.timeout.ms", "10000"));

        StreamsConfig streams = new StreamsConfig(EnrichService.streamsProperties(config));
        assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void shouldLeaveBacklogCommitsToKafkaStreamsAndPollBrieflyWithIdleCommitsUnlessAKafkaSettingSaysOtherwise() {
        StreamsConfig defaults = new StreamsConfig(EnrichService.streamsProperties(NewsstreamConfig.defaults()));
        assertThat(defaults.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .as("a thread in a backlog commits every enrich.commit.backlog.interval; IdleCommit paces the rest")
                .isEqualTo(1_000L);
        assertThat(defaults.getLong(StreamsConfig.POLL_MS_CONFIG)).as("idle commits on: a short poll").isEqualTo(10L);
        assertThat(defaults.getProducerConfigs("c")).as("transactions retried soon after CONCURRENT_TRANSACTIONS")
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);

        StreamsConfig off = new StreamsConfig(EnrichService.streamsProperties(NewsstreamConfig.load(null, Map.of(),
                Map.of("enrich.commit.idle", "off"))));
        assertThat(off.getLong(StreamsConfig.POLL_MS_CONFIG)).as("Kafka Streams' default").isEqualTo(100L);
        assertThat(off.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).as("no pacing: every enrich.commit.interval")
                .isEqualTo(100L);

        StreamsConfig theirs = new StreamsConfig(EnrichService.streamsProperties(NewsstreamConfig.load(null, Map.of(),
                Map.of("kafka.commit.interval.ms", "50", "kafka.producer.retry.backoff.ms", "100"))));
        assertThat(theirs.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50L);
        assertThat(theirs.getProducerConfigs("c")).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
    }

    @Test
    void shouldReadTheSaslSslScramExampleOfTheSecurityDocs(@TempDir Path dir) throws IOException {
        NewsstreamConfig config = NewsstreamConfig.load(example(dir, "sasl-ssl-scram.properties"), Map.of(), Map.of());

        StreamsConfig streams = new StreamsConfig(EnrichService.streamsProperties(config));
        Map<String, Object> producer = streams.getProducerConfigs("p");
        assertThat(producer).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(producer.get("sasl.jaas.config").toString()).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1.example.internal:9096,kafka-2.example.internal:9096");
    }

    @Test
    void shouldReadTheMutualTlsExampleOfTheSecurityDocs(@TempDir Path dir) throws IOException {
        NewsstreamConfig config = NewsstreamConfig.load(example(dir, "mtls.properties"), Map.of(), Map.of());

        Properties producer = ArticlePublisher.producerProperties(config);
        assertThat(producer).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.location", "/etc/newsstream/tls/client.p12")
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.truststore.location", "/etc/newsstream/tls/truststore.p12")
                .containsKey("ssl.keystore.password")
                .containsKey("ssl.key.password");
    }

    private static void assertContainsAll(Map<?, ?> clientConfig) {
        EXPECTED.forEach((k, v) -> assertThat(clientConfig.get(k)).as(k).hasToString(v));
    }

    /**
     * The example properties file as docs/security.md shows it: the block between the fences that follow
     * the file's name.
     */
    private static Path example(Path dir, String name) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "security.md"));
        int at = doc.indexOf("`" + name + "`");
        assertThat(at).as("docs/security.md names %s", name).isGreaterThanOrEqualTo(0);
        int start = doc.indexOf("```properties\n", at) + "```properties\n".length();
        int end = doc.indexOf("```", start);
        Path file = dir.resolve(name);
        Files.writeString(file, doc.substring(start, end));
        return file;
    }
}
