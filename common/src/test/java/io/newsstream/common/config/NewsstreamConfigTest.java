package io.newsstream.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsstreamConfigTest {

    @Test
    void defaultsAreUsableWithoutAnyConfiguration() {
        NewsstreamConfig c = NewsstreamConfig.defaults();
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.topics().name(Topics.RAW)).isEqualTo("news.articles.raw");
        assertThat(c.topics().partitions(Topics.ENRICHED)).isEqualTo(7);
        assertThat(c.enrich().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.sink().window()).isEqualTo(Duration.ofHours(1));
        assertThat(c.ingest().httpBind()).isEqualTo("127.0.0.1");
    }

    @Test
    void laterLayersWin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("n.properties");
        Files.writeString(file, "enrich.threads=3\nsink.window=30m\ntopic.raw.name=file.raw\nbootstrap.servers=file:9092\n");
        NewsstreamConfig c = NewsstreamConfig.load(file,
                Map.of("NEWSSTREAM_ENRICH_THREADS", "5", "NEWSSTREAM_TOPIC_RAW_NAME", "env.raw"),
                Map.of("topic.raw.name", "flag.raw"));
        assertThat(c.enrich().threads()).isEqualTo(5);
        assertThat(c.sink().window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.topics().name(Topics.RAW)).isEqualTo("flag.raw");
        assertThat(c.bootstrapServers()).isEqualTo("file:9092");
    }

    @Test
    void kafkaEnvironmentVariablesPassThroughToTheClients() {
        NewsstreamConfig c = NewsstreamConfig.load(null, Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_HEAP_OPTS", "-Xmx1g"), Map.of("kafka.ssl.truststore.location", "/etc/ts.jks"));
        assertThat(c.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .doesNotContainKey("heap.opts");
    }

    @Test
    void aBadValueFailsWithTheSettingsName() {
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of("NEWSSTREAM_ENRICH_THREADS", "many"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'enrich.threads' must be a whole number, got 'many'");
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("enrich.threads", "0")))
                .hasMessageContaining("'enrich.threads' must be a positive whole number");
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("sink.window", "soon")))
                .hasMessageContaining("'sink.window' must be a duration");
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("topic.raw.name", "no spaces allowed")))
                .hasMessageContaining("'topic.raw.name' is not a legal Kafka topic name");
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("bootstrap.servers", "nohostport")))
                .hasMessageContaining("'bootstrap.servers'");
    }

    @Test
    void aStoryRetentionShorterThanTheQuietPeriodIsRefusedNamingBoth() {
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("sink.story.retention", "2d")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'sink.story.retention' (2d) must be at least 'enrich.story.quiet.period' (3d): "
                        + "the sink would forget stories that can still take articles");
        assertThat(NewsstreamConfig.load(null, Map.of(), Map.of("sink.story.retention", "4d", "enrich.story.quiet.period", "4d"))
                .sink().storyRetention()).isEqualTo(Duration.ofDays(4));
        assertThat(NewsstreamConfig.load(null, Map.of(), Map.of("enrich.story.quiet.period", "10d"))
                .sink().storyRetention()).as("not set: follows a longer quiet period").isEqualTo(Duration.ofDays(10));
    }

    @Test
    void enrichCommitsEveryHundredMillisecondsAndAfterTenIdleMillisecondsUnlessSet() {
        EnrichConfig defaults = NewsstreamConfig.defaults().enrich();
        assertThat(defaults.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.commitWhenIdle()).isEqualTo(Duration.ofMillis(10));
        EnrichConfig set = NewsstreamConfig.load(null, Map.of(),
                Map.of("enrich.commit.interval", "250ms", "enrich.commit.idle", "25ms")).enrich();
        assertThat(set.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.commitWhenIdle()).isEqualTo(Duration.ofMillis(25));
        assertThat(NewsstreamConfig.load(null, Map.of(), Map.of("enrich.commit.idle", "off")).enrich().commitWhenIdle()).isZero();
        assertThatThrownBy(() -> NewsstreamConfig.load(null, Map.of(), Map.of("enrich.commit.idle", "soon")))
                .hasMessageContaining("'enrich.commit.idle' must be a duration");
    }

    @Test
    void enrichInABacklogCommitsEverySecondUnlessPacingIsOff() {
        EnrichConfig defaults = NewsstreamConfig.defaults().enrich();
        assertThat(defaults.commitBacklogInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.pacesCommits()).isTrue();
        assertThat(defaults.streamsCommitInterval()).isEqualTo(Duration.ofSeconds(1));
        EnrichConfig idleOff = NewsstreamConfig.load(null, Map.of(), Map.of("enrich.commit.idle", "off")).enrich();
        assertThat(idleOff.pacesCommits()).isFalse();
        assertThat(idleOff.streamsCommitInterval()).isEqualTo(Duration.ofMillis(100));
        EnrichConfig same = NewsstreamConfig.load(null, Map.of(), Map.of("enrich.commit.backlog.interval", "100ms")).enrich();
        assertThat(same.pacesCommits()).isFalse();
        assertThat(same.streamsCommitInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThatThrownBy(() -> NewsstreamConfig.load(Path.of("/nonexistent/n.properties"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/n.properties");
    }

    @Test
    void durationsReadBothShortAndIsoForms() {
        assertThat(Settings.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Settings.parseDuration("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(Settings.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void topicsAreCreatedWithConfiguredPartitionsAndTheirConfigs() {
        NewsstreamConfig c = NewsstreamConfig.load(null, Map.of(), Map.of("topic.partitions", "6", "topic.deadletter.partitions", "1"));
        assertThat(c.topics().newTopic(Topics.ENRICHED).numPartitions()).isEqualTo(6);
        assertThat(c.topics().newTopic(Topics.DEADLETTER).numPartitions()).isEqualTo(1);
        assertThat(c.topics().newTopic(Topics.DASHBOARD_ARTICLES).configs()).containsEntry("cleanup.policy", "compact");
    }
}
