package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.common.topics.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    private static RawArticle article(String id) {
        return RawArticle.of(id, new Source("Herald", null), "A title", null, Instant.parse("2025-01-01T00:00:00Z"), "en",
                "Some text about " + id + ".");
    }

    private final MockProducer<String, RawArticle> producer = new MockProducer<>(false, null,
            Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());

    @Test
    void shouldBeIdempotentWithAllAcksAndCompressionWhateverTheSettingsSay() {
        NewsstreamConfig config = NewsstreamConfig.defaults().with(Map.of(
                "kafka.enable.idempotence", "false",
                "kafka.acks", "1",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "PLAIN",
                "bootstrap.servers", "broker-1:9093"));

        Properties p = ArticlePublisher.producerProperties(config);

        assertThat(p).containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("compression.type", "lz4")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("bootstrap.servers", "broker-1:9093");
    }

    @Test
    void shouldLetSettingsChooseAnotherCompression() {
        Properties p = ArticlePublisher.producerProperties(NewsstreamConfig.defaults().with(Map.of("kafka.compression.type", "zstd")));

        assertThat(p).containsEntry("compression.type", "zstd");
    }

    @Test
    void shouldPublishKeyedByIdToTheConfiguredTopicAndNeverTheSameIdTwice() {
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw-test", new SeenIds());

        CompletableFuture<ArticleSink.Outcome> first = publisher.publish(article("a1"));
        CompletableFuture<ArticleSink.Outcome> second = publisher.publish(article("a1"));
        publisher.publish(article("a2"));
        producer.completeNext();
        producer.completeNext();

        assertThat(first).isCompletedWithValue(ArticleSink.Outcome.PUBLISHED);
        assertThat(second).isCompletedWithValue(ArticleSink.Outcome.DUPLICATE);
        assertThat(producer.history()).extracting(r -> r.topic() + "/" + r.key()).containsExactly("raw-test/a1", "raw-test/a2");
        assertThat(producer.history().get(0).value()).isEqualTo(article("a1"));
    }

    @Test
    void shouldSkipIdsPreloadedFromTheTopic() {
        SeenIds seen = new SeenIds();
        seen.add("a1");
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw-test", seen);

        assertThat(publisher.publish(article("a1"))).isCompletedWithValue(ArticleSink.Outcome.DUPLICATE);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldForgetAnIdWhosePublishFailedSoItCanBeRetried() {
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw-test", new SeenIds());

        CompletableFuture<ArticleSink.Outcome> failed = publisher.publish(article("a1"));
        producer.errorNext(new NotEnoughReplicasException("not enough replicas"));

        assertThat(failed).isCompletedExceptionally();
        assertThat(failed.handle((v, e) -> e.getMessage()).join()).contains("raw-test", "not enough replicas");
        CompletableFuture<ArticleSink.Outcome> retry = publisher.publish(article("a1"));
        producer.completeNext();
        assertThat(retry).isCompletedWithValue(ArticleSink.Outcome.PUBLISHED);
    }

    @Test
    void shouldFailTheFutureNotThrowWhenTheProducerIsClosed() {
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw-test", new SeenIds());
        producer.close();

        CompletableFuture<ArticleSink.Outcome> f = publisher.publish(article("a1"));

        assertThat(f).isCompletedExceptionally();
        assertThat(publisher.seen().contains("a1")).isFalse();
    }
}
