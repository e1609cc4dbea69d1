package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsstream ingest} against a cluster that has no raw topic yet creates it and publishes, with
 * and without the look-back for ids already published (a fresh cluster, a backfill into a new topic).
 */
class IngestNewTopicIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Path SEEDS = Path.of("..", "seeds");

    @Test
    void shouldCreateTheMissingRawTopicAndPublishWithoutLookback() throws Exception {
        assertIngestCreates("fresh.raw.nolookback", "--no-lookback");
    }

    @Test
    void shouldCreateTheMissingRawTopicAndPublishWithLookback() throws Exception {
        assertIngestCreates("fresh.raw.lookback");
    }

    private static void assertIngestCreates(String topic, String... flags) throws Exception {
        assertThat(KAFKA.admin().listTopics().names().get()).doesNotContain(topic);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("ingest", "--quiet",
                "--bootstrap-server", KAFKA.bootstrapServers(), "--set", "topic.raw.name=" + topic));
        args.addAll(java.util.List.of(flags));
        args.add(SEEDS.toString());

        int exit = Main.run(args.toArray(String[]::new));

        assertThat(exit).isZero();
        assertThat(KAFKA.admin().listTopics().names().get()).contains(topic);
        assertThat(KAFKA.consume(topic, new StringDeserializer(), new StringDeserializer(), 5, Duration.ofSeconds(60)))
                .hasSize(5);
    }
}
